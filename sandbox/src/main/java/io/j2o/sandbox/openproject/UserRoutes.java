package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** {@code /api/v3/users}: list, show by id or {@code me}, create and update with the user contract's checks. */
final class UserRoutes {

    /** The API user is the seeded admin: the key authenticates as user 1. */
    static final int API_USER_ID = 1;

    private final SimulatorStore store;
    private final int maxPageSize;

    UserRoutes(SimulatorStore store, int maxPageSize) {
        this.store = store;
        this.maxPageSize = maxPageSize;
    }

    void list(Context ctx) {
        List<QueryFilter> filters = HalResponse.filters(ctx);
        List<QueryFilter> effective = filters == null ? List.of() : filters;
        Predicate<User> matcher = effective.stream().map(UserRoutes::matcher).reduce(u -> true, Predicate::and);
        PageRequest page = PageRequest.from(ctx.queryParam("offset"), ctx.queryParam("pageSize"), 20, maxPageSize);
        ObjectNode body = store.locked(() -> page.render("Collection", Hal.API + "/users", effective,
                store.users.values().stream().filter(matcher).map(UserRepresenter::render).toList()));
        HalResponse.send(ctx, 200, body);
    }

    void show(Context ctx) {
        String id = ctx.pathParam("id");
        int userId = "me".equals(id) ? API_USER_ID : HalResponse.intParam(ctx, "id");
        ObjectNode body = store.locked(() -> {
            User user = store.users.get(userId);
            if (user == null) {
                throw ApiError.notFound();
            }
            return UserRepresenter.render(user);
        });
        HalResponse.send(ctx, 200, body);
    }

    void create(Context ctx) {
        JsonNode payload = RequestGuard.jsonBody(ctx);
        ObjectNode body = store.locked(() -> {
            User user = new User();
            user.login = text(payload, "login");
            user.email = text(payload, "email");
            user.firstName = text(payload, "firstName");
            user.lastName = text(payload, "lastName");
            user.admin = payload.path("admin").asBoolean(false);
            user.language = payload.hasNonNull("language") ? payload.get("language").asText() : "en";
            user.status = payload.hasNonNull("status") ? payload.get("status").asText() : "active";
            validate(user, text(payload, "password"));
            return UserRepresenter.render(store.addUser(user));
        });
        HalResponse.send(ctx, 201, body);
    }

    /** Names, login, email and language; status changes go through lock/unlock, as on the real server. */
    void update(Context ctx) {
        int userId = HalResponse.intParam(ctx, "id");
        JsonNode payload = RequestGuard.jsonBody(ctx);
        ObjectNode body = store.locked(() -> {
            User current = store.users.get(userId);
            if (current == null) {
                throw ApiError.notFound();
            }
            if (payload.has("status")) {
                throw ApiError.readOnly("status");
            }
            User changed = current.copy();
            changed.login = payload.has("login") ? text(payload, "login") : current.login;
            changed.email = payload.has("email") ? text(payload, "email") : current.email;
            changed.firstName = payload.has("firstName") ? text(payload, "firstName") : current.firstName;
            changed.lastName = payload.has("lastName") ? text(payload, "lastName") : current.lastName;
            changed.language = payload.hasNonNull("language") ? payload.get("language").asText() : current.language;
            validate(changed, null);
            changed.updatedAt = store.now();
            store.users.put(userId, changed);
            return UserRepresenter.render(changed);
        });
        HalResponse.send(ctx, 200, body);
    }

    /** {@code password} counts only on create (id 0): an update never sets one here. */
    private void validate(User user, String password) {
        List<ApiError> errors = new ArrayList<>();
        required(errors, "login", "Username", user.login, 256);
        required(errors, "email", "Email", user.email, 60);
        required(errors, "firstName", "First name", user.firstName, 30);
        required(errors, "lastName", "Last name", user.lastName, 30);
        if (user.email != null && !user.email.matches("[^@\\s]+@[^@\\s]+")) {
            errors.add(ApiError.constraint("email", "Email is not a valid email address."));
        }
        boolean loginTaken = user.login != null && store.users.values().stream()
                .anyMatch(u -> u.id != user.id && u.login.equalsIgnoreCase(user.login));
        if (loginTaken) {
            errors.add(ApiError.constraint("login", "Username has already been taken."));
        }
        boolean emailTaken = user.email != null && store.users.values().stream()
                .anyMatch(u -> u.id != user.id && u.email.equalsIgnoreCase(user.email));
        if (emailTaken) {
            errors.add(ApiError.constraint("email", "Email has already been taken."));
        }
        if (user.id == 0 && !user.status.equals("active") && !user.status.equals("invited")) {
            errors.add(ApiError.constraint("status", "Status is invalid on create."));
        } else if (user.id == 0 && user.status.equals("active") && (password == null || password.length() < 10)) {
            errors.add(ApiError.constraint("password", "Password is too short (minimum is 10 characters)."));
        }
        ApiError.throwIfAny(errors);
    }

    private static void required(List<ApiError> errors, String property, String label, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(ApiError.constraint(property, label + " can't be blank."));
        } else if (value.length() > max) {
            errors.add(ApiError.constraint(property, label + " is too long (maximum is " + max + " characters)."));
        }
    }

    private static String text(JsonNode payload, String field) {
        return payload.hasNonNull(field) ? payload.get(field).asText() : null;
    }

    private static Predicate<User> matcher(QueryFilter filter) {
        List<String> values = filter.values();
        return switch (filter.name() + " " + filter.operator()) {
            case "id =" -> u -> values.contains(String.valueOf(u.id));
            case "login =" -> u -> values.stream().anyMatch(v -> v.equalsIgnoreCase(u.login));
            case "status =" -> u -> values.contains(u.status);
            case "name ~", "any_name_attribute ~" -> u -> values.stream().anyMatch(v -> ProjectRoutes.contains(
                    u.name() + " " + u.login + " " + u.email, v));
            default -> throw filter.unsupported();
        };
    }
}
