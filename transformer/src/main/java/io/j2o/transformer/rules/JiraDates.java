package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.JsonNode;

/** Jira's calendar dates (due dates, version dates), which OpenProject takes as they are. */
final class JiraDates {

    private JiraDates() {
    }

    /** The {@code yyyy-MM-dd} text of a date field, null when unset. */
    static String date(JsonNode value) {
        String text = value.isNull() ? "" : value.asText("");
        if (text.isBlank()) {
            return null;
        }
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new MappingException("expected a date as yyyy-MM-dd, was '" + text + "'");
        }
        return text;
    }
}
