package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One OpenProject work-package custom field as its work-package schema describes it
 * ({@code GET /api/v3/work_packages/schemas/{projectId}-{typeId}}): API name, label, value format, and for list
 * fields the custom options by name.
 *
 * @param property API name, e.g. {@code customField3}
 * @param name     the field's label
 * @param format   the value format
 * @param multi    whether it holds several values (schema type {@code []CustomOption}, {@code []User}, …)
 * @param options  list fields: option value → href {@code /api/v3/custom_options/<id>}, in schema order
 */
public record WorkPackageCustomField(String property, String name, Format format, boolean multi,
                                     Map<String, String> options) {

    /** OpenProject's custom field formats, by the schema {@code type} each is rendered with. */
    public enum Format {
        STRING("String"), TEXT("Formattable"), INT("Integer"), FLOAT("Float"), BOOL("Boolean"), DATE("Date"),
        LINK("Link"), LIST("CustomOption"), USER("User"), VERSION("Version");

        private final String schemaType;

        Format(String schemaType) {
            this.schemaType = schemaType;
        }

        public String schemaType() {
            return schemaType;
        }

        /** Values that go under {@code _links} as hrefs rather than as plain properties. */
        public boolean isLink() {
            return this == LIST || this == USER || this == VERSION;
        }

        static Optional<Format> ofSchemaType(String type) {
            for (Format format : values()) {
                if (format.schemaType.equals(type)) {
                    return Optional.of(format);
                }
            }
            return Optional.empty();
        }
    }

    public WorkPackageCustomField {
        Objects.requireNonNull(property, "property");
        if (!property.matches("customField\\d+")) {
            throw new IllegalArgumentException("custom field property must be customField<N>, was '" + property + "'");
        }
        Objects.requireNonNull(format, "format");
        name = name == null ? property : name;
        options = Map.copyOf(options == null ? Map.of() : options);
        if (multi && !format.isLink()) {
            throw new IllegalArgumentException(property + ": only list, user and version fields hold several values");
        }
    }

    /** The href of the option named {@code value}: exact match first, then ignoring case. */
    Optional<String> optionHref(String value) {
        String exact = options.get(value);
        if (exact != null) {
            return Optional.of(exact);
        }
        return options.entrySet().stream()
                .filter(option -> option.getKey().toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT)))
                .map(Map.Entry::getValue).sorted().findFirst();
    }

    /**
     * The custom fields a work-package schema exposes. List options come from {@code _links.allowedValues}
     * (href and title) or, when embedded, {@code _embedded.allowedValues} (value and self href); user and version
     * fields need none. A custom field of a format j2o does not write (e.g. hierarchy) is left out.
     */
    public static List<WorkPackageCustomField> fromSchema(JsonNode schema) {
        List<WorkPackageCustomField> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getKey().matches("customField\\d+")) {
                continue;
            }
            JsonNode attribute = entry.getValue();
            String type = attribute.path("type").asText("");
            boolean multi = type.startsWith("[]");
            Optional<Format> format = Format.ofSchemaType(multi ? type.substring(2) : type);
            if (format.isEmpty()) {
                continue;
            }
            Map<String, String> options = new LinkedHashMap<>();
            for (JsonNode link : attribute.path("_links").path("allowedValues")) {
                if (link.hasNonNull("href") && link.hasNonNull("title")) {
                    options.putIfAbsent(link.get("title").asText(), link.get("href").asText());
                }
            }
            for (JsonNode option : attribute.path("_embedded").path("allowedValues")) {
                String href = option.path("_links").path("self").path("href").asText("");
                if (!href.isEmpty() && option.hasNonNull("value")) {
                    options.putIfAbsent(option.get("value").asText(), href);
                }
            }
            fields.add(new WorkPackageCustomField(entry.getKey(), attribute.path("name").asText(entry.getKey()),
                    format.get(), multi, options));
        }
        return fields;
    }
}
