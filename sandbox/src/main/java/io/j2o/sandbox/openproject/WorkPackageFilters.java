package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/** The work-package query: filters (with the default "open only" when none are sent) and {@code sortBy}. */
final class WorkPackageFilters {

    /** What {@code Query.new_default} adds when the request has no {@code filters} parameter. */
    static final List<QueryFilter> DEFAULT = List.of(new QueryFilter("status", "o", List.of()));

    private static final ObjectMapper JSON = new ObjectMapper();

    private WorkPackageFilters() {
    }

    static Predicate<WorkPackage> matcher(List<QueryFilter> filters) {
        return filters.stream().map(WorkPackageFilters::matcher).reduce(wp -> true, Predicate::and);
    }

    private static Predicate<WorkPackage> matcher(QueryFilter filter) {
        List<String> values = filter.values();
        String name = filter.name();
        String operator = filter.operator();
        if (name.matches("customField\\d+")) {
            int fieldId = Integer.parseInt(name.substring("customField".length()));
            return customField(filter, wp -> {
                JsonNode value = wp.customValues.get(fieldId);
                return value == null ? null : value.asText();
            });
        }
        return switch (name) {
            case "id" -> reference(filter, wp -> wp.id);
            case "project" -> reference(filter, wp -> wp.projectId);
            case "type" -> reference(filter, wp -> wp.typeId);
            case "priority" -> reference(filter, wp -> wp.priorityId);
            case "assignee" -> reference(filter, wp -> wp.assigneeId);
            case "responsible" -> reference(filter, wp -> wp.responsibleId);
            case "parent" -> reference(filter, wp -> wp.parentId);
            case "status" -> switch (operator) {
                case "o" -> wp -> !ReferenceData.status(wp.statusId).isClosed();
                case "c" -> wp -> ReferenceData.status(wp.statusId).isClosed();
                default -> reference(filter, wp -> wp.statusId);
            };
            case "subject" -> switch (operator) {
                case "~" -> wp -> values.stream().allMatch(v -> ProjectRoutes.contains(wp.subject, v));
                case "!~" -> wp -> values.stream().noneMatch(v -> ProjectRoutes.contains(wp.subject, v));
                case "=" -> wp -> values.stream().anyMatch(v -> v.equalsIgnoreCase(wp.subject));
                default -> throw filter.unsupported();
            };
            default -> throw filter.unsupported();
        };
    }

    private static Predicate<WorkPackage> reference(QueryFilter filter, Function<WorkPackage, Integer> field) {
        List<String> values = filter.values();
        return switch (filter.operator()) {
            case "=" -> wp -> field.apply(wp) != null && values.contains(String.valueOf(field.apply(wp)));
            case "!" -> wp -> field.apply(wp) == null || !values.contains(String.valueOf(field.apply(wp)));
            case "*" -> wp -> field.apply(wp) != null;
            case "!*" -> wp -> field.apply(wp) == null;
            default -> throw filter.unsupported();
        };
    }

    private static Predicate<WorkPackage> customField(QueryFilter filter, Function<WorkPackage, String> field) {
        List<String> values = filter.values();
        return switch (filter.operator()) {
            case "=" -> wp -> values.contains(field.apply(wp));
            case "!" -> wp -> !values.contains(field.apply(wp));
            case "~" -> wp -> values.stream().allMatch(v -> ProjectRoutes.contains(field.apply(wp), v));
            case "*" -> wp -> field.apply(wp) != null;
            case "!*" -> wp -> field.apply(wp) == null;
            default -> throw filter.unsupported();
        };
    }

    /** {@code sortBy=[["id","asc"]]}; the default order is by id ascending. */
    static Comparator<WorkPackage> order(String sortBy) {
        if (sortBy == null) {
            return Comparator.comparingInt(wp -> wp.id);
        }
        Comparator<WorkPackage> order = null;
        try {
            for (JsonNode criterion : JSON.readTree(sortBy)) {
                Comparator<WorkPackage> next = switch (criterion.path(0).asText()) {
                    case "id" -> Comparator.comparingInt(wp -> wp.id);
                    case "createdAt", "created_at" -> Comparator.comparing(wp -> wp.createdAt);
                    case "updatedAt", "updated_at" -> Comparator.comparing(wp -> wp.updatedAt);
                    case "subject" -> Comparator.comparing(wp -> wp.subject);
                    default -> throw ApiError.invalidQuery("Sort by " + criterion.path(0).asText()
                            + " is not supported.");
                };
                next = "desc".equals(criterion.path(1).asText()) ? next.reversed() : next;
                order = order == null ? next : order.thenComparing(next);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiError.invalidQuery("Sort by is not valid JSON.");
        }
        return Objects.requireNonNullElse(order, Comparator.comparingInt(wp -> wp.id));
    }
}
