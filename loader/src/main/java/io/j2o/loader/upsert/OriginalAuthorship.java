package io.j2o.loader.upsert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.openproject.OpenProjectException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The original creation time and author of a work package (the transformer's {@code _j2o.original}), added to its
 * create as {@code createdAt} and {@code _links.author} as far as {@link OriginalAuthors} and the OpenProject host
 * allow. One instance serves one OpenProject host, so what it learns about the host ("refuses them") holds for it.
 */
final class OriginalAuthorship {

    private static final Logger LOG = LoggerFactory.getLogger(OriginalAuthorship.class);
    /** The transformer's metadata section of a command body; OpenProject must never see it. */
    static final String METADATA = "_j2o";
    private static final String USERS = "/api/v3/users/";

    private final OriginalAuthors mode;
    private final AtomicBoolean refusedByHost = new AtomicBoolean();

    OriginalAuthorship(OriginalAuthors mode) {
        this.mode = mode;
    }

    /** Removes the transformer's metadata from {@code body}; the {@code original} section it carried, if any. */
    static Optional<JsonNode> take(ObjectNode body) {
        return Optional.ofNullable(body.remove(METADATA)).map(metadata -> metadata.get("original"))
                .filter(JsonNode::isObject);
    }

    /** {@code body} with the original createdAt and author when they may be sent; {@code body} itself otherwise. */
    ObjectNode addTo(ObjectNode body, Optional<JsonNode> original) {
        if (original.isEmpty() || mode == OriginalAuthors.NEVER || mode == OriginalAuthors.AUTO && refusedByHost.get()) {
            return body;
        }
        ObjectNode create = body.deepCopy();
        JsonNode createdAt = original.get().path("createdAt");
        if (createdAt.isTextual()) {
            create.put("createdAt", createdAt.asText());
        }
        // An author still a placeholder names a user not migrated: the work package is then the API user's.
        String author = original.get().path("author").path("href").asText("");
        if (author.startsWith(USERS)) {
            JsonNode links = create.path("_links");
            (links instanceof ObjectNode object ? object : create.putObject("_links")).putObject("author").put("href", author);
        }
        return create;
    }

    /**
     * Whether a create refused with {@code failure} is to be sent again without the original author and time: in
     * AUTO mode when OpenProject said they are read-only (the setting is off or we are no admin). The host is then
     * remembered as refusing them, said once in the log.
     */
    boolean retryWithout(OpenProjectException.ValidationFailed failure) {
        boolean refused = failure.readOnly().contains("createdAt") || failure.readOnly().contains("author");
        if (mode != OriginalAuthors.AUTO || !refused) {
            return false;
        }
        if (refusedByHost.compareAndSet(false, true)) {
            LOG.warn("OpenProject refuses the original author and creation time of work packages (needs an admin API"
                    + " user and the setting apiv3_write_readonly_attributes); work packages are created without them"
                    + " from now on (loader.originalAuthors=auto)");
        }
        return true;
    }
}
