package io.j2o.sandbox.openproject;

import java.util.Objects;

/** A work-package custom field the simulator knows, exposed as {@code customField<id>} for all projects and types. */
public record CustomFieldDefinition(int id, String name, Format format) {

    /** The value shapes the simulator supports; reference formats (list, user, version) are not simulated yet. */
    public enum Format { STRING, TEXT, INT, FLOAT, BOOL, DATE }

    public CustomFieldDefinition {
        if (id < 1) {
            throw new IllegalArgumentException("custom field id must be >= 1, was " + id);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
    }

    /** The "Jira key" string field the loader finds work packages by. */
    public static CustomFieldDefinition jiraKey() {
        return new CustomFieldDefinition(1, "Jira key", Format.STRING);
    }

    /** The API property name, e.g. {@code customField1}. */
    public String property() {
        return "customField" + id;
    }
}
