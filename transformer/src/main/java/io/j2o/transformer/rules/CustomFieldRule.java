package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.topics.JiraIds;
import io.j2o.transformer.resolve.References;
import io.j2o.transformer.richtext.LinkedMarkdown;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Copies the configured Jira fields (custom fields, labels, components) into OpenProject work-package custom fields,
 * converting each value by its JSON shape into the target field's format: scalars become {@code customFieldN},
 * options, users and versions become {@code _links.customFieldN} (an array for multi-value fields). A missing or null
 * Jira value clears the OpenProject value, so an emptied Jira field empties the work package's too.
 *
 * <p>A Jira option without an OpenProject option of the same name fails the issue (dead letter MAPPING_FAILED naming
 * the field and the value) rather than dropping the value: a dropped value would be written as "cleared" and look
 * migrated, while the dead letter says exactly which option to add in OpenProject before replaying.
 */
final class CustomFieldRule {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** One configured copy: where the value comes from, where it goes, and which config key asked for it. */
    private record Target(String jiraField, WorkPackageCustomField field, String configKey) {
    }

    private final List<Target> targets;
    private final RichTextField richText;

    /**
     * @throws IllegalArgumentException when the configuration names a custom field the catalog does not have, the
     *                                  Jira-key field, or one field for two Jira fields
     */
    CustomFieldRule(MappingConfig config, OpenProjectCatalog catalog, String jiraKeyField, RichTextField richText) {
        this.richText = richText;
        List<Target> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        config.customFields().forEach((jira, property) ->
                target(catalog, jira, property, "mapping.customFields." + jira, found, problems));
        if (config.labels() != null) {
            target(catalog, "labels", config.labels(), "mapping.labels", found, problems);
        }
        if (config.components() != null) {
            target(catalog, "components", config.components(), "mapping.components", found, problems);
        }
        Set<String> written = new LinkedHashSet<>();
        for (Target target : found) {
            if (target.field().property().equals(jiraKeyField)) {
                problems.add(target.configKey() + ": " + jiraKeyField + " holds the Jira key j2o finds work packages by");
            } else if (!written.add(target.field().property())) {
                problems.add(target.configKey() + ": " + target.field().property() + " already receives another Jira field");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        this.targets = List.copyOf(found);
    }

    private static void target(OpenProjectCatalog catalog, String jiraField, String property, String configKey,
                               List<Target> found, List<String> problems) {
        catalog.customField(property).ifPresentOrElse(
                field -> found.add(new Target(jiraField, field, configKey)),
                () -> problems.add(configKey + ": OpenProject has no work-package custom field " + property + ", it has "
                        + catalog.customFields().stream().map(f -> f.property() + " (" + f.name() + ")")
                        .collect(Collectors.joining(", ", "[", "]"))));
    }

    /**
     * Writes every configured field into the work-package body: plain ones at the top level, linked ones in links.
     * A rich-text field written as formatted text keeps its issue keys, mentions and images as soft references, like
     * the description ({@code text} knows the issue's attachments and site).
     */
    void apply(JsonNode fields, String issueKey, ObjectNode body, ObjectNode links, IssueText text) {
        for (Target target : targets) {
            JsonNode value = fields.path(target.jiraField());
            WorkPackageCustomField field = target.field();
            if (field.format() == WorkPackageCustomField.Format.TEXT && !value.isArray()) {
                LinkedMarkdown linked = richText.linked(value);
                body.putObject(field.property());
                text.write(body, "/" + field.property() + "/raw", linked.template(), linked);
            } else if (field.format().isLink()) {
                links.set(field.property(), link(target, values(value), issueKey));
            } else {
                body.set(field.property(), scalar(target, value, issueKey));
            }
        }
    }

    /** The Jira ids of the users in user-format fields: OpenProject accepts only members of the project there. */
    Set<String> userIds(JsonNode fields) {
        Set<String> ids = new LinkedHashSet<>();
        for (Target target : targets) {
            if (target.field().format() == WorkPackageCustomField.Format.USER) {
                values(fields.path(target.jiraField())).forEach(user -> JiraIds.user(user).ifPresent(ids::add));
            }
        }
        return ids;
    }

    private JsonNode link(Target target, List<JsonNode> values, String issueKey) {
        WorkPackageCustomField field = target.field();
        List<String> hrefs = new ArrayList<>();
        for (JsonNode value : values) {
            hrefs.add(switch (field.format()) {
                case LIST -> field.optionHref(text(value)).orElseThrow(() -> fail(target, issueKey, "'" + text(value)
                        + "' is not one of its options " + field.options().keySet().stream().sorted().toList()));
                case USER -> References.placeholder(CommandKind.USER, JiraIds.user(value)
                        .orElseThrow(() -> fail(target, issueKey, "user " + value + " has no accountId, key or name")));
                case VERSION -> References.placeholder(CommandKind.VERSION, idOf(target, value, issueKey));
                default -> throw new IllegalStateException(field.format() + " is not a link format");
            });
        }
        if (field.multi()) {
            ArrayNode array = JSON.arrayNode();
            hrefs.stream().distinct().forEach(href -> array.addObject().put("href", href));
            return array;
        }
        if (hrefs.size() > 1) {
            throw fail(target, issueKey, "holds " + hrefs.size() + " values, but " + field.property()
                    + " takes only one");
        }
        return JSON.objectNode().put("href", hrefs.isEmpty() ? null : hrefs.get(0));
    }

    private JsonNode scalar(Target target, JsonNode value, String issueKey) {
        WorkPackageCustomField.Format format = target.field().format();
        if (format == WorkPackageCustomField.Format.TEXT) {
            // Only a list (labels) comes here: a single value is linked text, written by apply.
            return JSON.objectNode().put("raw", joined(value));
        }
        if (value.isMissingNode() || value.isNull() || (value.isArray() && value.isEmpty())) {
            return NullNode.instance;
        }
        return switch (format) {
            case STRING, LINK -> {
                String text = value.isArray() ? joined(value) : isAdf(value) ? richText.markdown(value) : text(value);
                yield text.isBlank() ? NullNode.instance : TextNode.valueOf(text);
            }
            case INT -> {
                BigDecimal number = number(target, value, issueKey);
                try {
                    yield LongNode.valueOf(number.longValueExact());
                } catch (ArithmeticException e) {
                    throw fail(target, issueKey, number.toPlainString() + " is not a whole number");
                }
            }
            case FLOAT -> DoubleNode.valueOf(number(target, value, issueKey).doubleValue());
            case BOOL -> BooleanNode.valueOf(bool(target, value, issueKey));
            case DATE -> TextNode.valueOf(date(target, value, issueKey));
            default -> throw new IllegalStateException(format + " is a link format");
        };
    }

    /** A single value, an array's elements, or nothing for null / missing. */
    private static List<JsonNode> values(JsonNode value) {
        List<JsonNode> values = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(values::add);
        } else if (!value.isMissingNode() && !value.isNull()) {
            values.add(value);
        }
        return values;
    }

    private static String joined(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(text(element)));
        return texts.stream().filter(text -> !text.isBlank()).collect(Collectors.joining(", "));
    }

    /** What Jira shows for a value: an option's value, a component's or version's name, a user's display name. */
    private static String text(JsonNode value) {
        if (value.isObject()) {
            for (String field : List.of("value", "name", "displayName")) {
                if (value.hasNonNull(field)) {
                    return value.get(field).asText();
                }
            }
            return "";
        }
        if (value.isNumber()) {
            return value.decimalValue().stripTrailingZeros().toPlainString();
        }
        return value.asText("");
    }

    private static boolean isAdf(JsonNode value) {
        return value.isObject() && "doc".equals(value.path("type").asText());
    }

    private static String idOf(Target target, JsonNode value, String issueKey) {
        String id = value.path("id").asText("");
        if (id.isBlank()) {
            throw fail(target, issueKey, "version " + value + " has no id");
        }
        return id;
    }

    private static BigDecimal number(Target target, JsonNode value, String issueKey) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return new BigDecimal(text(value).strip());
        } catch (NumberFormatException e) {
            throw fail(target, issueKey, "'" + text(value) + "' is not a number");
        }
    }

    /** A boolean, "true"/"false", or a checkbox field (an array of ticked options: any ticked is true). */
    private static boolean bool(Target target, JsonNode value, String issueKey) {
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isArray()) {
            return !value.isEmpty();
        }
        String text = text(value);
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw fail(target, issueKey, "'" + text + "' is not a boolean");
    }

    /**
     * Jira dates as they are; a Jira datetime ({@code 2024-05-21T13:37:00.000+0200}) becomes its calendar date in
     * the offset Jira wrote it with, as OpenProject's custom fields hold dates only.
     */
    private static String date(Target target, JsonNode value, String issueKey) {
        String text = text(value);
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}(T.*)?")) {
            throw fail(target, issueKey, "'" + text + "' is not a date (yyyy-MM-dd) or datetime");
        }
        return text.substring(0, 10);
    }

    private static MappingException fail(Target target, String issueKey, String problem) {
        return new MappingException("issue " + issueKey + ": Jira field " + target.jiraField() + " → "
                + target.field().property() + " (" + target.field().name() + ", " + target.configKey() + "): " + problem);
    }
}
