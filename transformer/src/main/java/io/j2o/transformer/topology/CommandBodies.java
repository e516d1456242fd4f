package io.j2o.transformer.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Command bodies travel as JSON text; these are parsed only where references are filled in. */
final class CommandBodies {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CommandBodies() {
    }

    static JsonNode parse(String body) {
        if (body == null) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            // Bodies are written by this transformer; an unreadable one is a bug, not bad input.
            throw new IllegalStateException("command body is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
