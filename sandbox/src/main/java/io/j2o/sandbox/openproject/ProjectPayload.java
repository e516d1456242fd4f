package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Applies and validates a project body with the classic identifier rules of {@code Projects::Identifier}. */
final class ProjectPayload {

    private static final Pattern IDENTIFIER = Pattern.compile("(?!\\d+\\z)[a-z0-9\\-_]+");
    private static final Set<String> RESERVED =
            Set.of("new", "menu", "queries", "filters", "identifier_update_dialog", "identifier_suggestion");
    private static final int MAX_IDENTIFIER = 100;

    private ProjectPayload() {
    }

    /** Mutates {@code project}; throws the merged 422 when invalid. Call under the store's lock. */
    static void apply(JsonNode body, Project project, SimulatorStore store) {
        List<ApiError> errors = new ArrayList<>();
        if (body.has("name")) {
            project.name = body.get("name").isNull() ? null : body.get("name").asText();
        }
        if (body.has("description")) {
            project.description = body.get("description").path("raw").asText("");
        }
        if (body.has("active")) {
            project.active = body.get("active").asBoolean();
        }
        if (body.has("public")) {
            project.isPublic = body.get("public").asBoolean();
        }
        JsonNode links = body.path("_links");
        if (links.has("parent")) {
            parent(links.get("parent"), project, store, errors);
        }
        if (project.name == null || project.name.isBlank()) {
            errors.add(ApiError.constraint("name", "Name can't be blank."));
        } else if (project.name.length() > 255) {
            errors.add(ApiError.constraint("name", "Name is too long (maximum is 255 characters)."));
        }
        JsonNode identifier = body.get("identifier");
        if (identifier != null && !identifier.isNull() && !identifier.asText().isBlank()) {
            project.identifier = identifier.asText();
            identifierErrors(project, store).forEach(errors::add);
        } else if (identifier != null && project.identifier != null) {
            errors.add(ApiError.constraint("identifier", "Identifier can't be blank."));
        } else if (project.identifier == null && errors.isEmpty()) {
            project.identifier = suggest(project.name, store);
        }
        ApiError.throwIfAny(errors);
    }

    /**
     * A parent must be an existing project and must not be the project itself or one of its subprojects, which would
     * make a cycle ({@code Projects::BaseContract#validate_parent_assignable}); {@code href:null} moves it to the top.
     */
    private static void parent(JsonNode link, Project project, SimulatorStore store, List<ApiError> errors) {
        LinkRef ref = LinkRef.read("parent", link, "projects", errors);
        if (!ref.valid()) {
            return;
        }
        if (ref.id() != null && !store.projects.containsKey(ref.id())) {
            errors.add(ApiError.constraint("parent", "Subproject of does not exist."));
        } else if (ref.id() != null && project.id != 0 && isSelfOrDescendant(ref.id(), project.id, store)) {
            errors.add(ApiError.constraint("parent", "Subproject of is invalid."));
        } else {
            project.parentId = ref.id();
        }
    }

    private static boolean isSelfOrDescendant(int candidate, int projectId, SimulatorStore store) {
        for (Integer id = candidate; id != null; id = store.projects.get(id).parentId) {
            if (id == projectId) {
                return true;
            }
        }
        return false;
    }

    private static List<ApiError> identifierErrors(Project project, SimulatorStore store) {
        String identifier = project.identifier;
        List<ApiError> errors = new ArrayList<>();
        if (identifier.length() > MAX_IDENTIFIER) {
            errors.add(ApiError.constraint("identifier",
                    "Identifier is too long (maximum is " + MAX_IDENTIFIER + " characters)."));
        }
        if (!IDENTIFIER.matcher(identifier).matches()) {
            errors.add(ApiError.constraint("identifier", "Identifier is invalid."));
        } else if (RESERVED.contains(identifier)) {
            errors.add(ApiError.constraint("identifier", "Identifier is reserved."));
        } else if (taken(identifier, project.id, store)) {
            errors.add(ApiError.constraint("identifier", "Identifier has already been taken."));
        }
        return errors;
    }

    private static boolean taken(String identifier, int ownId, SimulatorStore store) {
        return store.projects.values().stream()
                .anyMatch(other -> other.id != ownId && other.identifier.equalsIgnoreCase(identifier));
    }

    /** A blank identifier is derived from the name and made unique, as the server's suggestion does. */
    private static String suggest(String name, SimulatorStore store) {
        String base = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "-").replaceAll("^-+|-+$", "");
        if (base.isEmpty() || base.chars().allMatch(Character::isDigit)) {
            base = "project-" + base;
        }
        base = base.substring(0, Math.min(base.length(), MAX_IDENTIFIER - 4));
        String candidate = base;
        for (int n = 1; taken(candidate, 0, store) || RESERVED.contains(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate.replaceAll("-+$", "");
    }
}
