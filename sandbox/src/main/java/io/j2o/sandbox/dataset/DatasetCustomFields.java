package io.j2o.sandbox.dataset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.openproject.CustomFieldDefinition;
import io.j2o.sandbox.openproject.CustomFieldDefinition.Format;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * The generated site's Jira custom fields (string, number, date, single and multi select, user), the values each
 * issue carries, its components, and the OpenProject custom fields they map to: a demo that starts the OpenProject
 * simulator with {@link #openProjectFields()} and maps with {@link #jiraToOpenProject()}, {@link #LABELS_FIELD} and
 * {@link #COMPONENTS_FIELD} migrates every one of them. Select options and component names are the same on both
 * sides, so every value finds its option.
 */
public final class DatasetCustomFields {

    public static final String CUSTOMER = "customfield_10300";
    public static final String STORY_POINTS = "customfield_10301";
    public static final String GO_LIVE = "customfield_10302";
    public static final String SEVERITY = "customfield_10303";
    public static final String PLATFORMS = "customfield_10304";
    public static final String REVIEWER = "customfield_10305";
    /** Jira Software's Sprint field: sprint objects on Cloud, {@code Sprint@..[id=..]} strings on Data Center. */
    public static final String SPRINT = "customfield_10020";
    /** The OpenProject custom field receiving the labels (a comma-joined string). */
    public static final String LABELS_FIELD = "customField8";
    /** The OpenProject custom field receiving the components (a multi-select of the component names). */
    public static final String COMPONENTS_FIELD = "customField9";

    static final List<String> CUSTOMERS = List.of("ACME Corp", "Globex", "Initech", "Umbrella & Sons", "Stark Industries");
    static final List<String> SEVERITIES = List.of("Minor", "Major", "Critical");
    static final List<String> PLATFORM_NAMES = List.of("Web", "iOS", "Android", "Desktop");

    /** Mixed into each issue's id for its own random stream, so no other generated value changed. */
    private static final long STREAM = 0x6366696c64L;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String siteUrl;

    DatasetCustomFields(String siteUrl) {
        this.siteUrl = siteUrl;
    }

    /** Jira field id → OpenProject custom field, as {@code mapping.customFields} takes it. */
    public static Map<String, String> jiraToOpenProject() {
        return Map.of(CUSTOMER, "customField2", STORY_POINTS, "customField3", GO_LIVE, "customField4",
                SEVERITY, "customField5", PLATFORMS, "customField6", REVIEWER, "customField7");
    }

    /** The "Jira key" field and the work-package custom fields the mapping above and labels/components write. */
    public static List<CustomFieldDefinition> openProjectFields() {
        return List.of(CustomFieldDefinition.jiraKey(),
                new CustomFieldDefinition(2, "Customer", Format.STRING),
                new CustomFieldDefinition(3, "Story points", Format.FLOAT),
                new CustomFieldDefinition(4, "Go-live", Format.DATE),
                CustomFieldDefinition.list(5, "Severity", false, SEVERITIES.toArray(String[]::new)),
                CustomFieldDefinition.list(6, "Platforms", true, PLATFORM_NAMES.toArray(String[]::new)),
                new CustomFieldDefinition(7, "Reviewer", Format.USER),
                new CustomFieldDefinition(8, "Labels", Format.STRING),
                CustomFieldDefinition.list(9, "Components", true, DatasetVocabulary.COMPONENTS.toArray(String[]::new)));
    }

    /**
     * Jira's {@code GET /rest/api/3/field} entries of the custom fields (with {@code schema.type}/{@code custom}), for
     * a simulator that serves the field list.
     */
    public static List<ObjectNode> jiraFields() {
        return List.of(
                field(CUSTOMER, "Customer", "string", null, "com.atlassian.jira.plugin.system.customfieldtypes:textfield"),
                field(STORY_POINTS, "Story Points", "number", null, "com.atlassian.jira.plugin.system.customfieldtypes:float"),
                field(GO_LIVE, "Go-live date", "date", null, "com.atlassian.jira.plugin.system.customfieldtypes:datepicker"),
                field(SEVERITY, "Severity", "option", null, "com.atlassian.jira.plugin.system.customfieldtypes:select"),
                field(PLATFORMS, "Platforms", "array", "option",
                        "com.atlassian.jira.plugin.system.customfieldtypes:multiselect"),
                field(REVIEWER, "Reviewer", "user", null, "com.atlassian.jira.plugin.system.customfieldtypes:userpicker"),
                field(SPRINT, "Sprint", "array", "json", "com.pyxis.greenhopper.jira:gh-sprint"));
    }

    private static ObjectNode field(String id, String name, String type, String items, String custom) {
        ObjectNode field = JSON.objectNode().put("id", id).put("key", id).put("name", name).put("custom", true)
                .put("orderable", true).put("navigable", true).put("searchable", true);
        field.putArray("clauseNames").add("cf[" + id.substring("customfield_".length()) + "]").add(name);
        ObjectNode schema = field.putObject("schema").put("type", type);
        if (items != null) {
            schema.put("items", items);
        }
        schema.put("custom", custom).put("customId", Integer.parseInt(id.substring("customfield_".length())));
        return field;
    }

    /**
     * Sets the issue's custom fields, about a third of them unset (null, as Jira returns an empty custom field), and
     * its components: the one its summary names, sometimes with a second.
     */
    void addTo(ObjectNode fields, int issueId, String component, Instant created, List<ObjectNode> users) {
        Random random = new Random(STREAM ^ issueId);
        fields.set(CUSTOMER, random.nextInt(3) == 0 ? JSON.nullNode()
                : JSON.textNode(CUSTOMERS.get(random.nextInt(CUSTOMERS.size()))));
        fields.set(STORY_POINTS, random.nextInt(3) == 0 ? JSON.nullNode()
                : JSON.numberNode(List.of(1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 0.5).get(random.nextInt(7))));
        fields.set(GO_LIVE, random.nextInt(3) == 0 ? JSON.nullNode()
                : JSON.textNode(created.plus(Duration.ofDays(7 + random.nextInt(60))).toString().substring(0, 10)));
        fields.set(SEVERITY, random.nextInt(3) == 0 ? JSON.nullNode() : option(SEVERITIES, random.nextInt(3), 10400));
        TreeSet<Integer> platforms = new TreeSet<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            platforms.add(random.nextInt(PLATFORM_NAMES.size()));
        }
        ArrayNode platformValues = JSON.arrayNode();
        platforms.forEach(index -> platformValues.add(option(PLATFORM_NAMES, index, 10410)));
        fields.set(PLATFORMS, platformValues.isEmpty() ? JSON.nullNode() : platformValues);
        fields.set(REVIEWER, random.nextInt(3) == 0 ? JSON.nullNode()
                : DatasetGenerator.userReference(users.get(random.nextInt(users.size()))));
        TreeSet<Integer> components = new TreeSet<>();
        components.add(DatasetVocabulary.COMPONENTS.indexOf(component));
        if (random.nextInt(4) == 0) {
            components.add(random.nextInt(DatasetVocabulary.COMPONENTS.size()));
        }
        ArrayNode componentValues = fields.putArray("components");
        // Jira's components belong to one project each: every project has its own ids for the same names.
        long firstId = 10500 + 100 * Math.max(0, fields.path("project").path("id").asLong() - 10000);
        components.forEach(index -> componentValues.addObject()
                .put("self", siteUrl + "/rest/api/3/component/" + (firstId + index))
                .put("id", String.valueOf(firstId + index)).put("name", DatasetVocabulary.COMPONENTS.get(index)));
    }

    private ObjectNode option(List<String> values, int index, int firstId) {
        String id = String.valueOf(firstId + index);
        return JSON.objectNode().put("self", siteUrl + "/rest/api/3/customFieldOption/" + id)
                .put("value", values.get(index)).put("id", id);
    }
}
