package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Attachments of work packages as {@code AttachmentsByWorkPackageAPI} and {@code AttachmentsAPI} serve them: the
 * multipart create (a {@code metadata} JSON part and a {@code file} part), the container's unpaginated collection,
 * show and delete, plus {@code /api/v3/configuration}, where a client reads the size limit before uploading.
 * Uploads over {@link #MAX_FILE_SIZE} (OpenProject's default {@code attachment_max_size}, 5120 kB) are refused with
 * 422 as the server's attachment contract does. The upload is read once, as a stream, for its size and digest.
 */
final class AttachmentRoutes {

    /** OpenProject's default {@code attachment_max_size}: 5120 kB, in bytes. */
    static final long MAX_FILE_SIZE = 5L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimulatorStore store;

    AttachmentRoutes(SimulatorStore store) {
        this.store = store;
    }

    void configuration(Context ctx) {
        ObjectNode node = Hal.object();
        node.put("_type", "Configuration");
        Hal.link(node.putObject("_links"), "self", Hal.API + "/configuration");
        node.put("maximumAttachmentFileSize", MAX_FILE_SIZE);
        node.put("hostName", "127.0.0.1");
        node.putArray("perPageOptions").add(20).add(100);
        node.put("durationFormat", "hours_only");
        node.putArray("activeFeatureFlags");
        HalResponse.send(ctx, 200, node);
    }

    void listOfWorkPackage(Context ctx) {
        int workPackageId = HalResponse.intParam(ctx, "id");
        HalResponse.send(ctx, 200, store.locked(() -> {
            SimulatorStore.existing(store.workPackages, workPackageId);
            List<ObjectNode> elements = store.attachments.values().stream()
                    .filter(a -> a.workPackageId == workPackageId).map(AttachmentRoutes::render).toList();
            ObjectNode collection = Hal.object();
            collection.put("_type", "Collection");
            collection.put("total", elements.size());
            collection.put("count", elements.size());
            Hal.link(collection.putObject("_links"), "self", Hal.API + "/work_packages/" + workPackageId + "/attachments");
            var array = collection.putObject("_embedded").putArray("elements");
            elements.forEach(array::add);
            return collection;
        }));
    }

    void show(Context ctx) {
        int id = HalResponse.intParam(ctx, "id");
        HalResponse.send(ctx, 200, store.locked(() -> render(SimulatorStore.existing(store.attachments, id))));
    }

    void delete(Context ctx) {
        int id = HalResponse.intParam(ctx, "id");
        store.locked(() -> store.attachments.remove(SimulatorStore.existing(store.attachments, id).id));
        ctx.status(204);
    }

    void createOnWorkPackage(Context ctx) {
        int workPackageId = HalResponse.intParam(ctx, "id");
        store.locked(() -> SimulatorStore.existing(store.workPackages, workPackageId));
        String contentType = ctx.header("Content-Type");
        if (contentType == null || contentType.isBlank()) {
            throw new RequestGuard.MissingContentType();
        }
        if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
            throw ApiError.of(415, "TypeNotSupported",
                    "Expected CONTENT-TYPE to be (multipart/form-data) but got (" + contentType + ").");
        }
        String metadataText = ctx.formParam("metadata");
        UploadedFile file = ctx.uploadedFile("file");
        if (metadataText == null || file == null) {
            throw ApiError.of(400, "InvalidRequestBody", "The request body must contain a metadata and a file part.");
        }
        JsonNode metadata;
        try {
            metadata = JSON.readTree(metadataText);
        } catch (JsonProcessingException e) {
            metadata = null;
        }
        if (metadata == null || !metadata.isObject()) {
            throw ApiError.of(400, "InvalidRequestBody", "The request could not be parsed as JSON.");
        }
        String fileName = metadata.path("fileName").asText("");
        if (fileName.isBlank()) {
            throw ApiError.constraint("fileName", "File name can't be blank.");
        }
        Upload upload = read(file);
        if (upload.size() > MAX_FILE_SIZE) {
            throw ApiError.constraint("fileSize", "File is too large (maximum size is " + MAX_FILE_SIZE + " Bytes).");
        }
        String partType = file.contentType();
        Attachment attachment = new Attachment();
        attachment.workPackageId = workPackageId;
        attachment.authorId = UserRoutes.API_USER_ID;
        attachment.fileName = fileName;
        attachment.fileSize = upload.size();
        attachment.md5 = upload.md5();
        attachment.contentType = partType == null || partType.isBlank() ? "application/octet-stream" : partType;
        attachment.description = metadata.path("description").path("raw").asText("");
        ObjectNode created = store.locked(() -> {
            SimulatorStore.existing(store.workPackages, workPackageId);
            attachment.id = store.nextId("attachments");
            attachment.createdAt = store.now();
            store.attachments.put(attachment.id, attachment);
            return render(attachment);
        });
        HalResponse.send(ctx, 201, created);
    }

    /** Rendered as {@code AttachmentRepresenter} does for a work package's attachment. */
    static ObjectNode render(Attachment attachment) {
        String self = Hal.API + "/attachments/" + attachment.id;
        ObjectNode node = Hal.object();
        node.put("_type", "Attachment");
        node.put("id", attachment.id);
        node.put("fileName", attachment.fileName);
        node.put("fileSize", attachment.fileSize);
        node.set("description", Hal.formattable("plain", attachment.description));
        node.put("status", "uploaded");
        node.put("contentType", attachment.contentType);
        node.putObject("digest").put("algorithm", "md5").put("hash", attachment.md5);
        node.put("createdAt", Hal.timestamp(attachment.createdAt));
        ObjectNode links = node.putObject("_links");
        Hal.link(links, "self", self, attachment.fileName);
        Hal.link(links, "delete", self).put("method", "delete");
        Hal.link(links, "container", Hal.API + "/work_packages/" + attachment.workPackageId);
        Hal.link(links, "author", Hal.API + "/users/" + attachment.authorId);
        Hal.link(links, "staticDownloadLocation", self + "/content");
        Hal.link(links, "downloadLocation", self + "/content");
        return node;
    }

    private record Upload(long size, String md5) {
    }

    private static Upload read(UploadedFile file) {
        try (InputStream in = new DigestInputStream(file.content(), MessageDigest.getInstance("MD5"))) {
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                size += n;
            }
            return new Upload(size, HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
