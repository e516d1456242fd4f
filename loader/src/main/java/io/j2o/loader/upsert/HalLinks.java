package io.j2o.loader.upsert;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the {@code _links} of command bodies and OpenProject resources. */
final class HalLinks {

    private static final Pattern API_HREF = Pattern.compile("/api/v3/([a-z_]+)/(\\d+)");

    private HalLinks() {
    }

    static String self(JsonNode resource) {
        return href(resource, "self");
    }

    /** The href of {@code _links.<name>}, or null when absent or cleared. */
    static String href(JsonNode resource, String name) {
        return resource.path("_links").path(name).path("href").asText(null);
    }

    /**
     * The numeric id at the end of a resolved {@code _links.<name>} of a command body pointing into
     * {@code /api/v3/<collection>/}; a missing or unresolved reference is a malformed command.
     */
    static String requiredId(JsonNode body, String name, String collection) {
        String href = href(body, name);
        Matcher matcher = API_HREF.matcher(href == null ? "" : href);
        if (!matcher.matches() || !matcher.group(1).equals(collection)) {
            throw new MalformedCommandException("command without a resolved _links." + name + " (/api/v3/" + collection
                    + "/<id>), was '" + href + "'");
        }
        return matcher.group(2);
    }
}
