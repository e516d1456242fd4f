package io.j2o.cli.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.transformer.rules.WorkPackageCustomField;
import io.j2o.transformer.rules.WorkPackageCustomField.Format;
import java.util.Set;

/**
 * Whether a Jira field's values fit the OpenProject custom field it is mapped to, judged by the Jira field's
 * {@code schema} ({@code type}, and {@code items} for arrays) against the OpenProject field's format, the way the
 * rules convert them: fits, fits with a loss worth knowing before the run (a time dropped, several values joined
 * into text, a value that must exist as an option), or does not fit (every issue holding a value would be parked).
 */
final class FieldCompatibility {

    private static final Set<String> TEXTUAL = Set.of("string", "any");
    private static final Set<String> NAMED = Set.of("option", "component", "version", "string", "priority", "status",
            "resolution", "issuetype", "project");

    private FieldCompatibility() {
    }

    /** @param configKey the mapping entry, named in the finding; {@code label} describes the pair for people */
    static PreflightCheck check(String configKey, String label, JsonNode jiraSchema, WorkPackageCustomField target) {
        String type = jiraSchema.path("type").asText("any");
        boolean array = type.equals("array");
        String element = array ? jiraSchema.path("items").asText("any") : type;
        String pair = label + " (Jira " + (array ? "array of " + element : element) + " -> OpenProject "
                + target.format().schemaType() + (target.multi() ? ", several values" : "") + ")";
        Fit fit = fit(target.format(), element, array, target.multi());
        return switch (fit) {
            case FITS -> PreflightCheck.ok(configKey, pair);
            case LOSSY_TIME -> PreflightCheck.warn(configKey, pair + ": the time of day is dropped, only the date is kept");
            case LOSSY_TEXT -> PreflightCheck.warn(configKey, pair + ": written as one text, so OpenProject cannot filter "
                    + "by each value as Jira could");
            case NEEDS_OPTIONS -> PreflightCheck.warn(configKey, pair + ": each Jira value must exist as an option of "
                    + target.property() + " (same name), or its issue is parked");
            case ONE_VALUE_ONLY -> PreflightCheck.warn(configKey, pair + ": " + target.property() + " takes one value, so "
                    + "an issue with several is parked; allow multiple values on the OpenProject field");
            case WHOLE_NUMBERS_ONLY -> PreflightCheck.warn(configKey, pair + ": a Jira number with a fraction is parked; "
                    + "use a float field to keep it");
            case NO_FIT -> PreflightCheck.fail(configKey, pair + ": these values cannot be written to a "
                    + target.format().schemaType() + " field, every issue with a value would be parked; map it to a "
                    + suggestion(element) + " field");
        };
    }

    private enum Fit { FITS, LOSSY_TIME, LOSSY_TEXT, NEEDS_OPTIONS, ONE_VALUE_ONLY, WHOLE_NUMBERS_ONLY, NO_FIT }

    private static Fit fit(Format format, String element, boolean array, boolean multi) {
        return switch (format) {
            case STRING, TEXT -> TEXTUAL.contains(element) && !array ? Fit.FITS : Fit.LOSSY_TEXT;
            case LINK -> TEXTUAL.contains(element) && !array ? Fit.FITS : Fit.NO_FIT;
            case INT -> element.equals("number") && !array ? Fit.WHOLE_NUMBERS_ONLY : Fit.NO_FIT;
            case FLOAT -> element.equals("number") && !array ? Fit.FITS : Fit.NO_FIT;
            case DATE -> array ? Fit.NO_FIT : element.equals("date") ? Fit.FITS
                    : element.equals("datetime") ? Fit.LOSSY_TIME : Fit.NO_FIT;
            case BOOL -> Fit.NO_FIT;
            case LIST -> !NAMED.contains(element) ? Fit.NO_FIT : cardinality(array, multi,
                    element.equals("option") ? Fit.FITS : Fit.NEEDS_OPTIONS);
            case USER -> element.equals("user") ? cardinality(array, multi, Fit.FITS) : Fit.NO_FIT;
            case VERSION -> element.equals("version") ? cardinality(array, multi, Fit.FITS) : Fit.NO_FIT;
        };
    }

    /** A Jira array into a single-value field fits only issues holding one value. */
    private static Fit cardinality(boolean array, boolean multi, Fit otherwise) {
        return array && !multi ? Fit.ONE_VALUE_ONLY : otherwise;
    }

    private static String suggestion(String element) {
        return switch (element) {
            case "number" -> "float or integer";
            case "date", "datetime" -> "date";
            case "user" -> "user";
            case "version" -> "version";
            case "option", "component" -> "list";
            default -> "text";
        };
    }
}
