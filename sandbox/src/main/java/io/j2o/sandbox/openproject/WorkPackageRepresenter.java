package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Renders a {@code WorkPackage} with the links and embedded resources of {@code work_package_representer.rb}. */
final class WorkPackageRepresenter {

    private final SimulatorStore store;
    private final ReferenceDataRepresenter referenceData;

    WorkPackageRepresenter(SimulatorStore store, ReferenceDataRepresenter referenceData) {
        this.store = store;
        this.referenceData = referenceData;
    }

    /** Must be called under the store's lock: titles and embedded resources read other entities. */
    ObjectNode render(WorkPackage wp) {
        String self = Hal.API + "/work_packages/" + wp.id;
        ReferenceData.Type type = ReferenceData.type(wp.typeId);
        ReferenceData.Status status = ReferenceData.status(wp.statusId);
        ReferenceData.Priority priority = ReferenceData.priority(wp.priorityId);
        Project project = store.projects.get(wp.projectId);
        User author = store.users.get(wp.authorId);

        ObjectNode node = Hal.object();
        node.put("_type", "WorkPackage");
        node.put("id", wp.id);
        node.put("displayId", String.valueOf(wp.id));
        node.put("lockVersion", wp.lockVersion);
        node.put("subject", wp.subject);
        node.set("description", Hal.formattable("markdown", wp.description));
        node.put("scheduleManually", true);
        if (type.isMilestone()) {
            node.put("date", wp.startDate == null ? null : wp.startDate.toString());
        } else {
            node.put("startDate", wp.startDate == null ? null : wp.startDate.toString());
            node.put("dueDate", wp.dueDate == null ? null : wp.dueDate.toString());
        }
        node.put("derivedStartDate", (String) null);
        node.put("derivedDueDate", (String) null);
        node.put("duration", duration(wp));
        node.put("estimatedTime", wp.estimatedTime == null ? null : Hal.hours(wp.estimatedTime));
        node.put("derivedEstimatedTime", (String) null);
        node.put("remainingTime", wp.remainingTime == null ? null : Hal.hours(wp.remainingTime));
        node.put("percentageDone", (Integer) null);
        node.put("readonly", false);
        node.put("ignoreNonWorkingDays", false);
        node.put("spentTime", "PT0H");
        for (CustomFieldDefinition field : store.customFields) {
            if (!field.format().isLink()) {
                node.set(field.property(), customValue(field, wp.customValues.get(field.id())));
            }
        }
        node.put("createdAt", Hal.timestamp(wp.createdAt));
        node.put("updatedAt", Hal.timestamp(wp.updatedAt));

        ObjectNode embedded = node.putObject("_embedded");
        embedded.set("type", referenceData.type(type));
        embedded.set("status", referenceData.status(status));
        embedded.set("priority", referenceData.priority(priority));
        embedded.set("project", ProjectRepresenter.render(project, store));
        embedded.set("author", UserRepresenter.render(author));
        embedUser(embedded, "assignee", wp.assigneeId);
        embedUser(embedded, "responsible", wp.responsibleId);

        ObjectNode links = node.putObject("_links");
        Hal.link(links, "self", self, wp.subject);
        Hal.link(links, "schema", Hal.API + "/work_packages/schemas/" + wp.projectId + "-" + wp.typeId);
        Hal.link(links, "update", self + "/form").put("method", "post");
        Hal.link(links, "updateImmediately", self).put("method", "patch");
        Hal.link(links, "delete", self).put("method", "delete");
        Hal.link(links, "project", Hal.API + "/projects/" + wp.projectId, project.name);
        Hal.link(links, "type", Hal.API + "/types/" + type.id(), type.name());
        Hal.link(links, "status", Hal.API + "/statuses/" + status.id(), status.name());
        Hal.link(links, "priority", Hal.API + "/priorities/" + priority.id(), priority.name());
        Hal.link(links, "author", Hal.API + "/users/" + author.id, author.name());
        userLink(links, "assignee", wp.assigneeId);
        userLink(links, "responsible", wp.responsibleId);
        WorkPackage parent = wp.parentId == null ? null : store.workPackages.get(wp.parentId);
        Hal.link(links, "parent", parent == null ? null : Hal.API + "/work_packages/" + parent.id,
                parent == null ? null : parent.subject);
        Version version = wp.versionId == null ? null : store.versions.get(wp.versionId);
        Hal.link(links, "version", version == null ? null : Hal.API + "/versions/" + version.id,
                version == null ? null : version.name);
        Hal.link(links, "category", null);
        for (CustomFieldDefinition field : store.customFields) {
            if (field.format().isLink()) {
                customLinks(links, field, wp.customValues.get(field.id()));
            }
        }
        ArrayNode children = links.putArray("children");
        store.workPackages.values().stream().filter(child -> Integer.valueOf(wp.id).equals(child.parentId))
                .forEach(child -> children.addObject().put("href", Hal.API + "/work_packages/" + child.id)
                        .put("title", child.subject));
        ArrayNode ancestors = links.putArray("ancestors");
        ancestors(wp).forEach(ancestor -> ancestors.addObject()
                .put("href", Hal.API + "/work_packages/" + ancestor.id).put("title", ancestor.subject));
        Hal.link(links, "attachments", self + "/attachments");
        Hal.link(links, "addAttachment", self + "/attachments").put("method", "post");
        Hal.link(links, "activities", self + "/activities");
        Hal.link(links, "addComment", self + "/activities").put("method", "post");
        Hal.link(links, "relations", self + "/relations");
        Hal.link(links, "watchers", self + "/watchers");
        return node;
    }

    private static String duration(WorkPackage wp) {
        if (wp.startDate == null || wp.dueDate == null) {
            return null;
        }
        return "P" + (wp.dueDate.toEpochDay() - wp.startDate.toEpochDay() + 1) + "D";
    }

    private static JsonNode customValue(CustomFieldDefinition field, JsonNode value) {
        if (field.format() == CustomFieldDefinition.Format.TEXT) {
            return Hal.formattable("markdown", value == null ? "" : value.asText());
        }
        return value == null ? NullNode.instance : value;
    }

    /** A single value as one link ({@code href:null} when unset), a multi-value field as an array of links. */
    private void customLinks(ObjectNode links, CustomFieldDefinition field, JsonNode ids) {
        List<ObjectNode> values = new ArrayList<>();
        if (ids != null) {
            ids.forEach(id -> values.add(customLink(field, id.asInt())));
        }
        if (field.multi()) {
            links.putArray(field.property()).addAll(values);
        } else if (values.isEmpty()) {
            Hal.link(links, field.property(), null);
        } else {
            links.set(field.property(), values.get(0));
        }
    }

    private ObjectNode customLink(CustomFieldDefinition field, int id) {
        ObjectNode link = Hal.object();
        switch (field.format()) {
            case LIST -> {
                CustomOption option = store.customOption(id);
                link.put("href", option.href()).put("title", option.value());
            }
            case USER -> {
                User user = store.users.get(id);
                link.put("href", Hal.API + "/users/" + id).put("title", user == null ? null : user.name());
            }
            default -> {
                Version version = store.versions.get(id);
                link.put("href", Hal.API + "/versions/" + id).put("title", version == null ? null : version.name);
            }
        }
        return link;
    }

    private List<WorkPackage> ancestors(WorkPackage wp) {
        List<WorkPackage> chain = new ArrayList<>();
        WorkPackage current = wp.parentId == null ? null : store.workPackages.get(wp.parentId);
        while (current != null) {
            chain.add(current);
            current = current.parentId == null ? null : store.workPackages.get(current.parentId);
        }
        Collections.reverse(chain);
        return chain;
    }

    private void embedUser(ObjectNode embedded, String name, Integer userId) {
        User user = userId == null ? null : store.users.get(userId);
        if (user != null) {
            embedded.set(name, UserRepresenter.render(user));
        }
    }

    private void userLink(ObjectNode links, String name, Integer userId) {
        User user = userId == null ? null : store.users.get(userId);
        Hal.link(links, name, user == null ? null : Hal.API + "/users/" + user.id, user == null ? null : user.name());
    }
}
