package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What a client learns about work-package custom fields (there is no custom field list in API v3): custom options
 * ({@code GET /api/v3/custom_options/{id}}) and the work-package schema of a project and type
 * ({@code GET /api/v3/work_packages/schemas/{projectId}-{typeId}}), whose {@code customFieldN} entries give each
 * field's name, type ({@code []} prefix for multi-value fields) and, for list and version fields, allowed values.
 */
final class CustomFieldRoutes {

    private final SimulatorStore store;

    CustomFieldRoutes(SimulatorStore store) {
        this.store = store;
    }

    void customOption(Context ctx) {
        int id = HalResponse.intParam(ctx, "id");
        CustomOption option = store.locked(() -> store.customOption(id));
        if (option == null) {
            throw ApiError.notFound();
        }
        HalResponse.send(ctx, 200, render(option));
    }

    void workPackageSchema(Context ctx) {
        String identifier = ctx.pathParam("identifier");
        ObjectNode schema = store.locked(() -> {
            String[] parts = identifier.split("-");
            if (parts.length != 2 || !parts[0].matches("\\d+") || !parts[1].matches("\\d+")) {
                return null;
            }
            Project project = store.projects.get(Integer.parseInt(parts[0]));
            ReferenceData.Type type = ReferenceData.type(Integer.parseInt(parts[1]));
            return project == null || type == null ? null : schema(project, type);
        });
        if (schema == null) {
            throw ApiError.of(404, "NotFound", "The specified schema does not exist.");
        }
        HalResponse.send(ctx, 200, schema);
    }

    private ObjectNode schema(Project project, ReferenceData.Type type) {
        ObjectNode schema = Hal.object();
        schema.put("_type", "Schema");
        schema.putArray("_dependencies");
        attribute(schema, "lockVersion", "Integer", "Lock Version", true, false);
        attribute(schema, "id", "Integer", "ID", true, false);
        attribute(schema, "subject", "String", "Subject", true, true).put("minLength", 1).put("maxLength", 255);
        attribute(schema, "description", "Formattable", "Description", false, true);
        if (type.isMilestone()) {
            attribute(schema, "date", "Date", "Date", false, true);
        } else {
            attribute(schema, "startDate", "Date", "Start date", false, true);
            attribute(schema, "dueDate", "Date", "Finish date", false, true);
        }
        attribute(schema, "estimatedTime", "Duration", "Work", false, true);
        attribute(schema, "remainingTime", "Duration", "Remaining work", false, true);
        for (String[] link : new String[][] {{"project", "Project", "Project"}, {"type", "Type", "Type"},
                {"status", "Status", "Status"}, {"priority", "Priority", "Priority"}, {"assignee", "User", "Assignee"},
                {"responsible", "User", "Accountable"}, {"version", "Version", "Version"},
                {"parent", "WorkPackage", "Parent"}}) {
            attribute(schema, link[0], link[1], link[2], link[0].equals("project") || link[0].equals("type"), true)
                    .put("location", "_links");
        }
        for (CustomFieldDefinition field : store.customFields) {
            customField(schema, field, project);
        }
        Hal.link(schema.putObject("_links"), "self",
                Hal.API + "/work_packages/schemas/" + project.id + "-" + type.id());
        return schema;
    }

    /**
     * Only the {@code customFieldN} entries of a work-package schema, for no project in particular (user fields
     * without a member filter, version fields without versions); call under the store's lock.
     */
    ObjectNode customFieldsSchema() {
        ObjectNode schema = Hal.object();
        schema.put("_type", "Schema");
        for (CustomFieldDefinition field : store.customFields) {
            customField(schema, field, null);
        }
        return schema;
    }

    /** {@code project} null: see {@link #customFieldsSchema()}. */
    private void customField(ObjectNode schema, CustomFieldDefinition field, Project project) {
        String type = (field.multi() ? "[]" : "") + field.format().schemaType();
        ObjectNode attribute = attribute(schema, field.property(), type, field.name(), false, true);
        attribute.put("visibility", "default");
        if (!field.format().isLink()) {
            return;
        }
        attribute.put("location", "_links");
        ObjectNode links = attribute.putObject("_links");
        switch (field.format()) {
            case LIST -> {
                ArrayNode allowed = links.putArray("allowedValues");
                ArrayNode embedded = attribute.putObject("_embedded").putArray("allowedValues");
                store.customOptions.stream().filter(option -> option.customFieldId() == field.id()).forEach(option -> {
                    allowed.addObject().put("href", option.href()).put("title", option.value());
                    embedded.add(render(option));
                });
            }
            case USER -> {
                String filters = "[{\"status\":{\"operator\":\"!\",\"values\":[\"0\",\"3\"]}}"
                        + (project == null ? "" : ",{\"member\":{\"operator\":\"=\",\"values\":[\"" + project.id + "\"]}}")
                        + "]";
                links.putObject("allowedValues").put("href", Hal.API + "/principals?filters="
                        + URLEncoder.encode(filters, StandardCharsets.UTF_8) + "&pageSize=0");
            }
            default -> {
                ArrayNode allowed = links.putArray("allowedValues");
                store.versions.values().stream()
                        .filter(v -> project != null && (v.projectId == project.id || v.sharing.equals("system")))
                        .forEach(v -> allowed.addObject().put("href", Hal.API + "/versions/" + v.id).put("title", v.name));
            }
        }
    }

    private static ObjectNode attribute(ObjectNode schema, String property, String type, String name, boolean required,
            boolean writable) {
        return schema.putObject(property).put("type", type).put("name", name).put("required", required)
                .put("hasDefault", false).put("writable", writable);
    }

    private static ObjectNode render(CustomOption option) {
        ObjectNode node = Hal.object();
        node.put("_type", "CustomOption");
        node.put("id", option.id());
        node.put("value", option.value());
        Hal.link(node.putObject("_links"), "self", option.href(), option.value());
        return node;
    }
}
