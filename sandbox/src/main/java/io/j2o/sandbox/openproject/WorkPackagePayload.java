package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * Applies a create or update body to a work-package copy and validates it like the create/update contracts:
 * every problem is collected, then reported as one error or as {@code MultipleErrors}.
 */
final class WorkPackagePayload {

    private final SimulatorStore store;
    private final boolean writeReadonlyAttributes;

    WorkPackagePayload(SimulatorStore store, boolean writeReadonlyAttributes) {
        this.store = store;
        this.writeReadonlyAttributes = writeReadonlyAttributes;
    }

    /** Mutates {@code wp}; throws the merged 422 when the result is invalid. Call under the store's lock. */
    void apply(JsonNode body, WorkPackage wp, boolean creating) {
        List<ApiError> errors = new ArrayList<>();
        JsonNode links = body.path("_links");
        readOnlyAttributes(body, links, wp, creating, errors);
        if (body.has("subject")) {
            wp.subject = body.get("subject").isNull() ? null : body.get("subject").asText();
        }
        if (body.has("description")) {
            JsonNode description = body.get("description");
            wp.description = description.isObject() ? description.path("raw").asText("") : "";
        }
        ReferenceData.Type type = ReferenceData.type(wp.typeId);
        if (body.has("startDate")) {
            wp.startDate = date("startDate", body.get("startDate"), wp.startDate, errors);
        }
        if (body.has("dueDate")) {
            wp.dueDate = date("dueDate", body.get("dueDate"), wp.dueDate, errors);
        }
        if (body.has("date")) {
            wp.startDate = date("date", body.get("date"), wp.startDate, errors);
            wp.dueDate = wp.startDate;
        }
        if (body.has("estimatedTime")) {
            wp.estimatedTime = duration("estimatedTime", "Work", body.get("estimatedTime"), wp.estimatedTime, errors);
        }
        if (body.has("remainingTime")) {
            wp.remainingTime = duration("remainingTime", "Remaining work", body.get("remainingTime"),
                    wp.remainingTime, errors);
        }
        for (CustomFieldDefinition field : store.customFields) {
            // A list, user or version field is only a link: like the representer, a plain property of that name is ignored.
            if (!field.format().isLink() && body.has(field.property())) {
                customValue(field, body.get(field.property()), wp, errors);
            }
        }
        if (links.has("project")) {
            LinkRef ref = LinkRef.read("project", links.get("project"), "projects", errors);
            if (ref.valid()) {
                if (ref.id() == null || !store.projects.containsKey(ref.id())) {
                    errors.add(ApiError.constraint("project", "Project can't be blank."));
                } else {
                    wp.projectId = ref.id();
                }
            }
        } else if (creating && wp.projectId == 0) {
            errors.add(ApiError.constraint("project", "Project can't be blank."));
        }
        if (links.has("type")) {
            wp.typeId = required("type", "Type", links, "types", id -> ReferenceData.type(id) != null,
                    wp.typeId, errors);
            type = ReferenceData.type(wp.typeId);
        }
        if (links.has("status")) {
            wp.statusId = required("status", "Status", links, "statuses", id -> ReferenceData.status(id) != null,
                    wp.statusId, errors);
        }
        if (links.has("priority")) {
            wp.priorityId = required("priority", "Priority", links, "priorities",
                    id -> ReferenceData.priority(id) != null, wp.priorityId, errors);
        }
        if (links.has("assignee")) {
            wp.assigneeId = optionalUser("assignee", "Assignee", links, wp.assigneeId, errors);
        }
        if (links.has("responsible")) {
            wp.responsibleId = optionalUser("responsible", "Accountable", links, wp.responsibleId, errors);
        }
        if (links.has("parent")) {
            parent(links.get("parent"), wp, errors);
        }
        if (links.has("version")) {
            version(links.get("version"), wp, errors);
        }
        for (CustomFieldDefinition field : store.customFields) {
            if (field.format().isLink() && links.has(field.property())) {
                linkedCustomValue(field, links.get(field.property()), wp, errors);
            }
        }
        if (wp.subject == null || wp.subject.isBlank()) {
            errors.add(ApiError.constraint("subject", "Subject can't be blank."));
        } else if (wp.subject.length() > 255) {
            errors.add(ApiError.constraint("subject", "Subject is too long (maximum is 255 characters)."));
        }
        if (wp.estimatedTime != null && wp.remainingTime != null && wp.remainingTime.compareTo(wp.estimatedTime) > 0) {
            errors.add(ApiError.constraint("remainingTime", "Remaining work must be less than or equal to Work."));
        }
        if (!type.isMilestone() && wp.startDate != null && wp.dueDate != null && wp.dueDate.isBefore(wp.startDate)) {
            errors.add(ApiError.constraint("dueDate", "Finish date must be greater than or equal to start date."));
        }
        ApiError.throwIfAny(errors);
    }

    private void readOnlyAttributes(JsonNode body, JsonNode links, WorkPackage wp, boolean creating,
            List<ApiError> errors) {
        boolean mayWrite = creating && writeReadonlyAttributes;
        if (body.has("createdAt")) {
            String sent = body.get("createdAt").asText();
            if (mayWrite) {
                try {
                    wp.createdAt = Instant.parse(sent);
                } catch (DateTimeParseException e) {
                    errors.add(ApiError.onProperty("PropertyFormatError", "createdAt", "The value '" + sent
                            + "' for property 'createdAt' is not a valid date time (expected ISO 8601)."));
                }
            } else if (creating || !sent.equals(Hal.timestamp(wp.createdAt))) {
                errors.add(ApiError.readOnly("createdAt"));
            }
        }
        if (body.has("updatedAt") && (creating || !body.get("updatedAt").asText().equals(Hal.timestamp(wp.updatedAt)))) {
            errors.add(ApiError.readOnly("updatedAt"));
        }
        if (links.has("author")) {
            LinkRef ref = LinkRef.read("author", links.get("author"), "users", errors);
            if (!ref.valid()) {
                return;
            }
            if (mayWrite && ref.id() != null && store.users.containsKey(ref.id())) {
                wp.authorId = ref.id();
            } else if (mayWrite) {
                errors.add(ApiError.constraint("author", "Author does not exist."));
            } else if (creating || !Objects.equals(ref.id(), wp.authorId)) {
                errors.add(ApiError.readOnly("author"));
            }
        }
    }

    static LocalDate date(String property, JsonNode value, LocalDate current, List<ApiError> errors) {
        if (value.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(value.asText());
        } catch (DateTimeParseException e) {
            errors.add(ApiError.onProperty("PropertyFormatError", property, "The value '" + value.asText()
                    + "' for property '" + property + "' is not a valid date (expected format ISO 8601 date)."));
            return current;
        }
    }

    static Duration duration(String property, String label, JsonNode value, Duration current,
            List<ApiError> errors) {
        if (value.isNull()) {
            return null;
        }
        Duration parsed = IsoHours.parse(value.asText()).orElse(null);
        if (parsed == null) {
            errors.add(ApiError.onProperty("PropertyFormatError", property, "The value '" + value.asText()
                    + "' for property '" + property + "' is not a valid duration (expected ISO 8601 duration)."));
            return current;
        }
        if (parsed.isNegative()) {
            errors.add(ApiError.constraint(property, label + " must be greater than or equal to 0."));
            return current;
        }
        return parsed;
    }

    /** Only an open version shared with the work package's project may be set; keeping the current one is fine. */
    private void version(JsonNode link, WorkPackage wp, List<ApiError> errors) {
        LinkRef ref = LinkRef.read("version", link, "versions", errors);
        if (!ref.valid() || Objects.equals(ref.id(), wp.versionId)) {
            return;
        }
        Version version = ref.id() == null ? null : store.versions.get(ref.id());
        if (ref.id() != null && (version == null || !version.assignableIn(wp.projectId))) {
            errors.add(ApiError.constraint("version", "Version is not set to one of the allowed values."));
            return;
        }
        wp.versionId = ref.id();
    }

    private static void customValue(CustomFieldDefinition field, JsonNode value, WorkPackage wp,
            List<ApiError> errors) {
        if (value == null || value.isNull()) {
            wp.customValues.remove(field.id());
            return;
        }
        JsonNode stored = switch (field.format()) {
            case STRING -> value.isValueNode() ? TextNode.valueOf(value.asText()) : null;
            case TEXT -> value.isObject() ? TextNode.valueOf(value.path("raw").asText("")) : null;
            case INT -> value.canConvertToInt() || value.asText().matches("-?\\d+")
                    ? IntNode.valueOf(value.asInt()) : null;
            case FLOAT -> value.isNumber() || value.asText().matches("-?\\d+(\\.\\d+)?")
                    ? DoubleNode.valueOf(value.asDouble()) : null;
            case BOOL -> value.isBoolean() ? value : null;
            case DATE -> value.asText().matches("\\d{4}-\\d{2}-\\d{2}") ? TextNode.valueOf(value.asText()) : null;
            case LINK -> value.isTextual() ? TextNode.valueOf(value.asText()) : null;
            case LIST, USER, VERSION -> throw new IllegalStateException(field.format() + " is written as a link");
        };
        if (stored == null) {
            errors.add(ApiError.onProperty("PropertyFormatError", field.property(), "The value '" + value
                    + "' for property '" + field.property() + "' is not valid for " + field.name() + "."));
        } else if ((field.format() == CustomFieldDefinition.Format.STRING
                || field.format() == CustomFieldDefinition.Format.LINK) && stored.asText().isEmpty()) {
            wp.customValues.remove(field.id());
        } else {
            wp.customValues.put(field.id(), stored);
        }
    }

    /**
     * A list, user or version custom field: one link, or an array of links for a multi-value field; {@code href:null}
     * or {@code []} clears it. As {@code CustomValue::ARObjectStrategy} validates: an option of this field, a member
     * of the work package's project, a version the project can use; anything else is not an allowed value.
     */
    private void linkedCustomValue(CustomFieldDefinition field, JsonNode value, WorkPackage wp, List<ApiError> errors) {
        List<JsonNode> links = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(links::add);
        } else if (value != null && !value.isNull()) {
            links.add(value);
        }
        if (!field.multi() && links.size() > 1) {
            errors.add(ApiError.onProperty("PropertyFormatError", field.property(), "The property '"
                    + field.property() + "' takes a single link, but got " + links.size() + "."));
            return;
        }
        String collection = switch (field.format()) {
            case LIST -> "custom_options";
            case USER -> "users";
            default -> "versions";
        };
        ArrayNode ids = JsonNodeFactory.instance.arrayNode();
        for (JsonNode link : links) {
            LinkRef ref = LinkRef.read(field.property(), link, collection, errors);
            if (!ref.valid()) {
                return;
            }
            if (ref.id() == null) {
                continue;
            }
            if (!allowed(field, ref.id(), wp)) {
                errors.add(ApiError.constraint(field.property(), field.name() + " is not set to one of the allowed values."));
                return;
            }
            if (!contains(ids, ref.id())) {
                ids.add(ref.id());
            }
        }
        if (ids.isEmpty()) {
            wp.customValues.remove(field.id());
        } else {
            wp.customValues.put(field.id(), ids);
        }
    }

    private static boolean contains(ArrayNode ids, int id) {
        for (JsonNode existing : ids) {
            if (existing.asInt() == id) {
                return true;
            }
        }
        return false;
    }

    private boolean allowed(CustomFieldDefinition field, int id, WorkPackage wp) {
        return switch (field.format()) {
            case LIST -> {
                CustomOption option = store.customOption(id);
                yield option != null && option.customFieldId() == field.id();
            }
            case USER -> store.users.containsKey(id) && store.memberships.values().stream()
                    .anyMatch(m -> m.projectId == wp.projectId && m.principalId == id);
            default -> {
                Version version = store.versions.get(id);
                yield version != null && (version.projectId == wp.projectId || version.sharing.equals("system"));
            }
        };
    }

    private static int required(String property, String label, JsonNode links, String collection,
            IntPredicate exists, int current, List<ApiError> errors) {
        LinkRef ref = LinkRef.read(property, links.get(property), collection, errors);
        if (!ref.valid()) {
            return current;
        }
        if (ref.id() == null) {
            errors.add(ApiError.constraint(property, label + " can't be blank."));
            return current;
        }
        if (!exists.test(ref.id())) {
            errors.add(ApiError.constraint(property, label + " is not set to one of the allowed values."));
            return current;
        }
        return ref.id();
    }

    private Integer optionalUser(String property, String label, JsonNode links, Integer current,
            List<ApiError> errors) {
        LinkRef ref = LinkRef.read(property, links.get(property), "users", errors);
        if (!ref.valid()) {
            return current;
        }
        if (ref.id() != null && !store.users.containsKey(ref.id())) {
            errors.add(ApiError.constraint(property, label + " is not set to one of the allowed values."));
            return current;
        }
        return ref.id();
    }

    private void parent(JsonNode link, WorkPackage wp, List<ApiError> errors) {
        LinkRef ref = LinkRef.read("parent", link, "work_packages", errors);
        if (!ref.valid()) {
            return;
        }
        if (ref.id() == null) {
            wp.parentId = null;
            return;
        }
        if (!store.workPackages.containsKey(ref.id())) {
            errors.add(ApiError.constraint("parent", "Parent does not exist."));
            return;
        }
        for (Integer cursor = ref.id(); cursor != null; cursor = store.workPackages.get(cursor).parentId) {
            if (cursor == wp.id) {
                errors.add(ApiError.constraint("parent", "Parent cannot be set to itself or one of its descendants."));
                return;
            }
        }
        wp.parentId = ref.id();
    }

    /** The journal's change lines between two versions of a work package. */
    static List<String> changes(WorkPackage before, WorkPackage after, SimulatorStore store) {
        List<String> lines = new ArrayList<>();
        change(lines, "Subject", before.subject, after.subject);
        if (!Objects.equals(before.description, after.description)) {
            lines.add("Description set (Details)");
        }
        change(lines, "Start date", before.startDate, after.startDate);
        change(lines, "Finish date", before.dueDate, after.dueDate);
        change(lines, "Work", before.estimatedTime == null ? null : Hal.hours(before.estimatedTime),
                after.estimatedTime == null ? null : Hal.hours(after.estimatedTime));
        change(lines, "Remaining work", before.remainingTime == null ? null : Hal.hours(before.remainingTime),
                after.remainingTime == null ? null : Hal.hours(after.remainingTime));
        change(lines, "Version", before.versionId, after.versionId);
        change(lines, "Project", name(store.projects.get(before.projectId)), name(store.projects.get(after.projectId)));
        change(lines, "Type", ReferenceData.type(before.typeId).name(), ReferenceData.type(after.typeId).name());
        change(lines, "Status", ReferenceData.status(before.statusId).name(),
                ReferenceData.status(after.statusId).name());
        change(lines, "Priority", ReferenceData.priority(before.priorityId).name(),
                ReferenceData.priority(after.priorityId).name());
        change(lines, "Assignee", userName(store, before.assigneeId), userName(store, after.assigneeId));
        change(lines, "Accountable", userName(store, before.responsibleId), userName(store, after.responsibleId));
        change(lines, "Parent", before.parentId, after.parentId);
        for (CustomFieldDefinition field : store.customFields) {
            change(lines, field.name(), before.customValues.get(field.id()), after.customValues.get(field.id()));
        }
        return lines;
    }

    private static void change(List<String> lines, String label, Object before, Object after) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before == null) {
            lines.add(label + " set to " + text(after));
        } else if (after == null) {
            lines.add(label + " deleted (" + text(before) + ")");
        } else {
            lines.add(label + " changed from " + text(before) + " to " + text(after));
        }
    }

    private static String text(Object value) {
        return value instanceof JsonNode node ? (node.isContainerNode() ? node.toString() : node.asText())
                : String.valueOf(value);
    }

    private static String name(Project project) {
        return project == null ? null : project.name;
    }

    private static String userName(SimulatorStore store, Integer userId) {
        User user = userId == null ? null : store.users.get(userId);
        return user == null ? null : user.name();
    }
}
