package io.j2o.sandbox.openproject;

import java.util.List;
import java.util.Objects;

/**
 * A work-package custom field the simulator knows, exposed as {@code customField<id>} for all projects and types.
 *
 * @param multi   list, user and version fields only: several values (an array of links)
 * @param options list fields only: the option values, in order; the simulator numbers them
 *                {@code /api/v3/custom_options/<n>} across all fields in definition order, from 1
 */
public record CustomFieldDefinition(int id, String name, Format format, boolean multi, List<String> options) {

    /** OpenProject's custom field formats (hierarchy and weighted lists are not simulated). */
    public enum Format {
        STRING("String"), TEXT("Formattable"), INT("Integer"), FLOAT("Float"), BOOL("Boolean"), DATE("Date"),
        LINK("Link"), LIST("CustomOption"), USER("User"), VERSION("Version");

        private final String schemaType;

        Format(String schemaType) {
            this.schemaType = schemaType;
        }

        /** The {@code type} the work-package schema gives a field of this format. */
        String schemaType() {
            return schemaType;
        }

        /** Written and rendered under {@code _links} rather than as a plain property. */
        boolean isLink() {
            return this == LIST || this == USER || this == VERSION;
        }
    }

    public CustomFieldDefinition {
        if (id < 1) {
            throw new IllegalArgumentException("custom field id must be >= 1, was " + id);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        options = List.copyOf(options == null ? List.of() : options);
        if (multi && !format.isLink()) {
            throw new IllegalArgumentException(name + ": only list, user and version fields take several values");
        }
        if (!options.isEmpty() && format != Format.LIST) {
            throw new IllegalArgumentException(name + ": only list fields have options");
        }
    }

    /** A single-value field without options. */
    public CustomFieldDefinition(int id, String name, Format format) {
        this(id, name, format, false, List.of());
    }

    /** The "Jira key" string field the loader finds work packages by. */
    public static CustomFieldDefinition jiraKey() {
        return new CustomFieldDefinition(1, "Jira key", Format.STRING);
    }

    /** A list field with these options; {@code multi} for a multi-select. */
    public static CustomFieldDefinition list(int id, String name, boolean multi, String... options) {
        return new CustomFieldDefinition(id, name, Format.LIST, multi, List.of(options));
    }

    /** The API property name, e.g. {@code customField1}. */
    public String property() {
        return "customField" + id;
    }
}
