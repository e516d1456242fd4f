package io.j2o.sandbox.dataset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.openproject.CustomFieldDefinition;
import io.j2o.sandbox.openproject.CustomFieldDefinition.Format;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;

/**
 * The generated site's Jira custom fields (string, number, date, single and multi select, user), the values each
 * issue carries, its components, and the OpenProject custom fields they map to: a demo that starts the OpenProject
 * simulator with {@link #openProjectFields()} and maps with {@link #jiraToOpenProject()}, {@link #LABELS_FIELD} and
 * {@link #COMPONENTS_FIELD} migrates every one of them. Select options and component names are the same on both
 * sides, so every value finds its option.
 *
 * <p>The constants and static methods name the fields of a site at id base 0; {@link #ids(long)} names those of a
 * site generated at another {@link GeneratedIds base}, e.g. one sharing a Jira with real data.
 */
public final class DatasetCustomFields {

    private static final String PREFIX = "customfield_";
    private static final Ids USUAL = ids(0);

    public static final String CUSTOMER = USUAL.customer();
    public static final String STORY_POINTS = USUAL.storyPoints();
    public static final String GO_LIVE = USUAL.goLive();
    public static final String SEVERITY = USUAL.severity();
    public static final String PLATFORMS = USUAL.platforms();
    public static final String REVIEWER = USUAL.reviewer();
    /** Jira Software's Sprint field: sprint objects on Cloud, {@code Sprint@..[id=..]} strings on Data Center. */
    public static final String SPRINT = USUAL.sprint();
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
    private final Ids ids;

    DatasetCustomFields(String siteUrl, GeneratedIds generated) {
        this.siteUrl = siteUrl;
        this.ids = new Ids(generated);
    }

    /** The Jira ids of the custom fields of a site generated at id base {@code base}. */
    public static Ids ids(long base) {
        return new Ids(new GeneratedIds(base));
    }

    /**
     * The ids of the generated site that writes the field {@code fieldId}, if a site generated at some base does: the
     * base is the multiple of {@link GeneratedIds#UNIT} below the field's number.
     */
    public static Optional<Ids> idsOf(String fieldId) {
        if (!fieldId.startsWith(PREFIX) || !fieldId.substring(PREFIX.length()).matches("[0-9]{1,15}")) {
            return Optional.empty();
        }
        long number = Long.parseLong(fieldId.substring(PREFIX.length()));
        Ids ids = ids(number - number % GeneratedIds.UNIT);
        return ids.names(fieldId) ? Optional.of(ids) : Optional.empty();
    }

    /** Jira field id → OpenProject custom field, as {@code mapping.customFields} takes it. */
    public static Map<String, String> jiraToOpenProject() {
        return USUAL.jiraToOpenProject();
    }

    /** The "Jira key" field and the work-package custom fields the mapping above and labels/components write. */
    public static List<CustomFieldDefinition> openProjectFields() {
        return openProjectFields(List.of());
    }

    /**
     * The same for {@code site}: its Components options also name every other component its issues carry (sorted),
     * so the seeded issues of a site mixing real data with a generated one find their components' options too.
     */
    public static List<CustomFieldDefinition> openProjectFields(JiraDataset site) {
        TreeSet<String> others = new TreeSet<>();
        site.issues().forEach(issue -> issue.path("fields").path("components")
                .forEach(component -> others.add(component.path("name").asText())));
        others.removeAll(DatasetVocabulary.COMPONENTS);
        others.remove("");
        return openProjectFields(List.copyOf(others));
    }

    private static List<CustomFieldDefinition> openProjectFields(List<String> otherComponents) {
        List<String> components = new ArrayList<>(DatasetVocabulary.COMPONENTS);
        components.addAll(otherComponents);
        return List.of(CustomFieldDefinition.jiraKey(),
                new CustomFieldDefinition(2, "Customer", Format.STRING),
                new CustomFieldDefinition(3, "Story points", Format.FLOAT),
                new CustomFieldDefinition(4, "Go-live", Format.DATE),
                CustomFieldDefinition.list(5, "Severity", false, SEVERITIES.toArray(String[]::new)),
                CustomFieldDefinition.list(6, "Platforms", true, PLATFORM_NAMES.toArray(String[]::new)),
                new CustomFieldDefinition(7, "Reviewer", Format.USER),
                new CustomFieldDefinition(8, "Labels", Format.STRING),
                CustomFieldDefinition.list(9, "Components", true, components.toArray(String[]::new)));
    }

    /**
     * Jira's {@code GET /rest/api/3/field} entries of the custom fields (with {@code schema.type}/{@code custom}), for
     * a simulator that serves the field list.
     */
    public static List<ObjectNode> jiraFields() {
        return USUAL.jiraFields();
    }

    /** The Jira ids of the generated custom fields at one id base, and what names them. */
    public record Ids(GeneratedIds generated) {

        public String customer() {
            return field(10300);
        }

        public String storyPoints() {
            return field(10301);
        }

        public String goLive() {
            return field(10302);
        }

        public String severity() {
            return field(10303);
        }

        public String platforms() {
            return field(10304);
        }

        public String reviewer() {
            return field(10305);
        }

        public String sprint() {
            return field(10020);
        }

        /** Jira field id → OpenProject custom field, as {@code mapping.customFields} takes it. */
        public Map<String, String> jiraToOpenProject() {
            return Map.of(customer(), "customField2", storyPoints(), "customField3", goLive(), "customField4",
                    severity(), "customField5", platforms(), "customField6", reviewer(), "customField7");
        }

        /** Jira's {@code GET /rest/api/3/field} entries of these fields. */
        public List<ObjectNode> jiraFields() {
            return List.of(
                    definition(10300, "Customer", "string", null, "com.atlassian.jira.plugin.system.customfieldtypes:textfield"),
                    definition(10301, "Story Points", "number", null, "com.atlassian.jira.plugin.system.customfieldtypes:float"),
                    definition(10302, "Go-live date", "date", null, "com.atlassian.jira.plugin.system.customfieldtypes:datepicker"),
                    definition(10303, "Severity", "option", null, "com.atlassian.jira.plugin.system.customfieldtypes:select"),
                    definition(10304, "Platforms", "array", "option",
                            "com.atlassian.jira.plugin.system.customfieldtypes:multiselect"),
                    definition(10305, "Reviewer", "user", null, "com.atlassian.jira.plugin.system.customfieldtypes:userpicker"),
                    definition(10020, "Sprint", "array", "json", "com.pyxis.greenhopper.jira:gh-sprint"));
        }

        boolean names(String fieldId) {
            return List.of(customer(), storyPoints(), goLive(), severity(), platforms(), reviewer(), sprint())
                    .contains(fieldId);
        }

        private String field(long usualNumber) {
            return PREFIX + generated.id(usualNumber);
        }

        private ObjectNode definition(long usualNumber, String name, String type, String items, String custom) {
            String id = field(usualNumber);
            ObjectNode field = JSON.objectNode().put("id", id).put("key", id).put("name", name).put("custom", true)
                    .put("orderable", true).put("navigable", true).put("searchable", true);
            field.putArray("clauseNames").add("cf[" + generated.id(usualNumber) + "]").add(name);
            ObjectNode schema = field.putObject("schema").put("type", type);
            if (items != null) {
                schema.put("items", items);
            }
            schema.put("custom", custom).set("customId", generated.number(usualNumber));
            return field;
        }
    }

    /**
     * Sets the issue's custom fields, about a third of them unset (null, as Jira returns an empty custom field), and
     * its components: the one its summary names, sometimes with a second.
     */
    void addTo(ObjectNode fields, int usualIssueId, String component, Instant created, List<ObjectNode> users) {
        // The usual id keeps a site's values the same at every id base.
        Random random = new Random(STREAM ^ usualIssueId);
        fields.set(ids.customer(), random.nextInt(3) == 0 ? JSON.nullNode()
                : JSON.textNode(CUSTOMERS.get(random.nextInt(CUSTOMERS.size()))));
        fields.set(ids.storyPoints(), random.nextInt(3) == 0 ? JSON.nullNode()
                : JSON.numberNode(List.of(1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 0.5).get(random.nextInt(7))));
        fields.set(ids.goLive(), random.nextInt(3) == 0 ? JSON.nullNode()
                : JSON.textNode(created.plus(Duration.ofDays(7 + random.nextInt(60))).toString().substring(0, 10)));
        fields.set(ids.severity(), random.nextInt(3) == 0 ? JSON.nullNode() : option(SEVERITIES, random.nextInt(3), 10400));
        TreeSet<Integer> platforms = new TreeSet<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            platforms.add(random.nextInt(PLATFORM_NAMES.size()));
        }
        ArrayNode platformValues = JSON.arrayNode();
        platforms.forEach(index -> platformValues.add(option(PLATFORM_NAMES, index, 10410)));
        fields.set(ids.platforms(), platformValues.isEmpty() ? JSON.nullNode() : platformValues);
        fields.set(ids.reviewer(), random.nextInt(3) == 0 ? JSON.nullNode()
                : DatasetGenerator.userReference(users.get(random.nextInt(users.size()))));
        TreeSet<Integer> components = new TreeSet<>();
        components.add(DatasetVocabulary.COMPONENTS.indexOf(component));
        if (random.nextInt(4) == 0) {
            components.add(random.nextInt(DatasetVocabulary.COMPONENTS.size()));
        }
        ArrayNode componentValues = fields.putArray("components");
        // Jira's components belong to one project each: every project has its own ids for the same names.
        long usualProjectId = fields.path("project").path("id").asLong() - ids.generated().base();
        long firstId = ids.generated().id(10500 + 100 * Math.max(0, usualProjectId - 10000));
        components.forEach(index -> componentValues.addObject()
                .put("self", siteUrl + "/rest/api/3/component/" + (firstId + index))
                .put("id", String.valueOf(firstId + index)).put("name", DatasetVocabulary.COMPONENTS.get(index)));
    }

    private ObjectNode option(List<String> values, int index, int usualFirstId) {
        String id = ids.generated().text(usualFirstId + index);
        return JSON.objectNode().put("self", siteUrl + "/rest/api/3/customFieldOption/" + id)
                .put("value", values.get(index)).put("id", id);
    }
}
