package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A written {@code _links.<name>}: either cleared ({@code href:null}) or a numeric id of the expected kind. */
record LinkRef(boolean valid, Integer id) {

    private static final Pattern HREF = Pattern.compile("/api/v3/([a-z_]+)/(\\d+)/?");

    /**
     * Reads {@code {"href": ...}} for {@code property}, expecting {@code /api/v3/<collection>/<id>}. A link to
     * another kind is a {@code ResourceTypeMismatch}, as {@code InvalidResourceLink} reports it.
     */
    static LinkRef read(String property, JsonNode link, String collection, List<ApiError> errors) {
        JsonNode href = link == null ? null : link.get("href");
        if (href == null || href.isNull()) {
            return new LinkRef(true, null);
        }
        String path = href.asText();
        if (path.startsWith("http://") || path.startsWith("https://")) {
            path = URI.create(path).getPath();
        }
        Matcher matcher = HREF.matcher(path);
        if (!matcher.matches() || !matcher.group(1).equals(collection)) {
            errors.add(ApiError.onProperty("ResourceTypeMismatch", property, "For property '" + property
                    + "' a link like '/api/v3/" + collection + "/:id' is expected, but got '" + href.asText()
                    + "'."));
            return new LinkRef(false, null);
        }
        return new LinkRef(true, Integer.parseInt(matcher.group(2)));
    }
}
