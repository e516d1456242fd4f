package io.j2o.loader.openproject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Turns an OpenProject error response into the typed exception the loader acts on. */
final class OpenProjectErrors {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String URN_PREFIX = "urn:openproject-org:api:v3:errors:";

    private OpenProjectErrors() {
    }

    static OpenProjectException classify(String call, int status, String body) {
        JsonNode error = parse(body);
        String identifier = error.path("errorIdentifier").asText("").replace(URN_PREFIX, "");
        String message = call + " -> " + status + (identifier.isEmpty() ? "" : " " + identifier) + ": "
                + error.path("message").asText(abbreviate(body));
        String attribute = error.path("_embedded").path("details").path("attribute").asText(null);
        if (status == 404) {
            return new OpenProjectException.NotFound(identifier, message);
        }
        if (status == 409) {
            return new OpenProjectException.Conflict(identifier, message);
        }
        if (status == 401 || status == 403) {
            return new OpenProjectException.Unauthorized(status, identifier, message);
        }
        if (status == 429 || status >= 500) {
            return new OpenProjectException.Unavailable(status, identifier, message);
        }
        if (status == 400 || status == 422) {
            return new OpenProjectException.ValidationFailed(status, identifier, message, attribute, readOnly(error));
        }
        return new OpenProjectException(status, identifier, message);
    }

    /** Attributes named by {@code PropertyIsReadOnly}: the error itself, or those merged into {@code MultipleErrors}. */
    private static Set<String> readOnly(JsonNode error) {
        Set<String> attributes = new TreeSet<>();
        JsonNode merged = error.path("_embedded").path("errors");
        for (JsonNode one : merged.isArray() ? merged : List.of(error)) {
            if (one.path("errorIdentifier").asText("").equals(URN_PREFIX + "PropertyIsReadOnly")) {
                String attribute = one.path("_embedded").path("details").path("attribute").asText(null);
                if (attribute != null) {
                    attributes.add(attribute);
                }
            }
        }
        return attributes;
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null ? MAPPER.createObjectNode() : node;
        } catch (IOException e) {
            return MAPPER.createObjectNode();
        }
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
