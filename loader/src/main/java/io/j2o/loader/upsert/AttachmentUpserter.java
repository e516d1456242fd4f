package io.j2o.loader.upsert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.jira.JiraAttachmentSource;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.loader.openproject.OpenProjectException;
import io.j2o.schemas.avro.JournalAction;
import io.j2o.schemas.avro.Mapping;
import io.j2o.schemas.markers.TextMarker;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * Attachments of work packages, found again among their work package's attachments by the {@link TextMarker#ATTACHMENT}
 * marker that ends their description (OpenProject has no field to carry a Jira id on an attachment), so two files of
 * one issue with the same name and size stay two; one without a marker (migrated before markers) by file name and
 * size. A missing one is uploaded with the bytes streamed from Jira
 * straight into the multipart request, never held whole. A file larger than OpenProject accepts
 * ({@code maximumAttachmentFileSize} of {@code /api/v3/configuration}) is refused before anything is downloaded.
 * Attachments cannot be edited in OpenProject, so one that exists is left as it is.
 *
 * <p>Command body: {@code {"fileName", "size", "description":{"raw"}, "contentType", "jiraContent":<Jira content URL>,
 * "_links":{"workPackage":{"href"}}}}; only {@code fileName} and {@code description} reach OpenProject (the
 * {@code metadata} part), {@code contentType} types the {@code file} part, {@code jiraContent} and {@code size} stay
 * in the loader. A removal names the work package, file name and size, and carries the marker as its description.
 */
public final class AttachmentUpserter implements Upserter {

    /** The body field with the Jira URL of the bytes: the loader's alone, never sent to OpenProject. */
    static final String JIRA_CONTENT = "jiraContent";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final MediaType JSON = MediaType.get("application/json");
    private static final MediaType OCTET_STREAM = MediaType.get("application/octet-stream");
    private static final long UNKNOWN = -1;

    private final OpenProjectClient client;
    private final JiraAttachmentSource jira;
    private volatile long maxFileSize = Long.MIN_VALUE;

    public AttachmentUpserter(OpenProjectClient client, JiraAttachmentSource jira) {
        this.client = client;
        this.jira = jira;
    }

    @Override
    public UpsertOutcome upsert(ObjectNode body, Optional<Mapping> known) {
        Target target = Target.of(body);
        String source = body.path(JIRA_CONTENT).asText("");
        if (source.isBlank()) {
            throw new MalformedCommandException("attachment command without " + JIRA_CONTENT + " (the Jira URL of its bytes)");
        }
        Optional<JsonNode> existing = find(target, known);
        if (existing.isPresent()) {
            return UpsertOutcome.unchanged(existing.get());
        }
        long limit = maxFileSize();
        if (limit != UNKNOWN && target.size() > limit) {
            throw new OpenProjectException.ValidationFailed(422, "PropertyConstraintViolation", "attachment '"
                    + target.fileName() + "' is " + target.size() + " bytes, over OpenProject's limit of " + limit
                    + " bytes (maximumAttachmentFileSize); not uploaded", "fileSize");
        }
        ObjectNode metadata = MAPPER.createObjectNode().put("fileName", target.fileName());
        if (body.path("description").isObject()) {
            metadata.putObject("description").put("raw", body.path("description").path("raw").asText(""));
        }
        MediaType type = Optional.ofNullable(MediaType.parse(body.path("contentType").asText(""))).orElse(OCTET_STREAM);
        try (JiraAttachmentSource.Content content = jira.open(source)) {
            if (content.contentLength() >= 0 && content.contentLength() != target.size()) {
                throw new MalformedCommandException("attachment '" + target.fileName() + "': Jira sends "
                        + content.contentLength() + " bytes, the issue lists " + target.size());
            }
            RequestBody multipart = new MultipartBody.Builder().setType(MultipartBody.FORM)
                    .addFormDataPart("metadata", null, RequestBody.create(metadata.toString(), JSON))
                    .addFormDataPart("file", target.fileName(), new StreamedFile(content, type, target.size()))
                    .build();
            JsonNode created = client.upload(attachmentsOf(target.workPackageId()), multipart);
            return UpsertOutcome.of(JournalAction.CREATED, null, created);
        }
    }

    @Override
    public Optional<UpsertOutcome> delete(String jiraKey, ObjectNode body, Optional<Mapping> known) {
        Optional<JsonNode> existing = body == null ? KnownResource.find(client, known) : find(Target.of(body), known);
        return existing.map(current -> {
            client.delete(HalLinks.self(current));
            return UpsertOutcome.of(JournalAction.DELETED, current, current);
        });
    }

    private Optional<JsonNode> find(Target target, Optional<Mapping> known) {
        Optional<JsonNode> byMapping = KnownResource.find(client, known).filter(target::matches);
        if (byMapping.isPresent()) {
            return byMapping;
        }
        List<JsonNode> present = client.elements(attachmentsOf(target.workPackageId()));
        return present.stream().filter(target::isMarkedAsIt).findFirst()
                .or(() -> present.stream().filter(target::isUnmarkedLookalike).findFirst());
    }

    /** OpenProject's upload limit, read once; unknown when the server does not say, and then the server judges. */
    private long maxFileSize() {
        long value = maxFileSize;
        if (value == Long.MIN_VALUE) {
            JsonNode size = client.find("/api/v3/configuration").map(c -> c.path("maximumAttachmentFileSize"))
                    .orElse(MAPPER.missingNode());
            value = size.isIntegralNumber() ? size.asLong() : UNKNOWN;
            maxFileSize = value;
        }
        return value;
    }

    private static String attachmentsOf(String workPackageId) {
        return "/api/v3/work_packages/" + workPackageId + "/attachments";
    }

    /**
     * The {@code file} part: copies the Jira download into the request as OkHttp writes it. One-shot: the bytes can be
     * read once, so OkHttp never resends it; a retry is a new upsert that opens a new download.
     */
    private static final class StreamedFile extends RequestBody {

        private final JiraAttachmentSource.Content content;
        private final MediaType type;
        private final long size;

        StreamedFile(JiraAttachmentSource.Content content, MediaType type, long size) {
            this.content = content;
            this.type = type;
            this.size = size;
        }

        @Override
        public MediaType contentType() {
            return type;
        }

        @Override
        public long contentLength() {
            return size;
        }

        @Override
        public boolean isOneShot() {
            return true;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            long written = sink.writeAll(content.source());
            if (written != size) {
                throw new IOException("Jira sent " + written + " bytes of an attachment listed with " + size);
            }
        }
    }

    /**
     * Which attachment a command is about: its work package, file name, size and, when the command carries the marker,
     * its Jira id.
     */
    private record Target(String workPackageId, String fileName, long size, Optional<String> jiraId) {

        static Target of(JsonNode body) {
            String workPackageId = HalLinks.requiredId(body, "workPackage", "work_packages");
            String fileName = body.path("fileName").asText("");
            JsonNode size = body.path("size");
            if (fileName.isBlank() || !size.isIntegralNumber() || size.asLong() < 0) {
                throw new MalformedCommandException("attachment command without fileName and size, was '" + fileName
                        + "' / " + size);
            }
            return new Target(workPackageId, fileName, size.asLong(), marker(body));
        }

        boolean matches(JsonNode attachment) {
            return isMarkedAsIt(attachment) || isUnmarkedLookalike(attachment);
        }

        /** The attachment carries this command's marker. */
        boolean isMarkedAsIt(JsonNode attachment) {
            return jiraId.isPresent() && inWorkPackage(attachment) && jiraId.equals(marker(attachment));
        }

        /**
         * Same name and size, and nothing says it is another file: it has no marker, or this command has none to
         * compare (a command made before markers).
         */
        boolean isUnmarkedLookalike(JsonNode attachment) {
            return inWorkPackage(attachment)
                    && (jiraId.isEmpty() || marker(attachment).isEmpty())
                    && fileName.equals(attachment.path("fileName").asText())
                    && attachment.path("fileSize").asLong(-1) == size;
        }

        private boolean inWorkPackage(JsonNode attachment) {
            return ("/api/v3/work_packages/" + workPackageId).equals(HalLinks.href(attachment, "container"));
        }

        private static Optional<String> marker(JsonNode withDescription) {
            return TextMarker.ATTACHMENT.idIn(withDescription.path("description").path("raw").asText(null));
        }
    }
}
