package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** An OpenProject API error: the HTTP status plus the {@code Error} HAL body the real server sends. */
final class ApiError extends RuntimeException {

    static final String PREFIX = "urn:openproject-org:api:v3:errors:";

    private final int status;
    private final String identifier;
    private final String attribute;
    private final List<ApiError> nested;

    private ApiError(int status, String identifier, String message, String attribute, List<ApiError> nested) {
        super(message, null, false, false);
        this.status = status;
        this.identifier = identifier;
        this.attribute = attribute;
        this.nested = nested;
    }

    static ApiError of(int status, String identifier, String message) {
        return new ApiError(status, identifier, message, null, List.of());
    }

    static ApiError notFound() {
        return of(404, "NotFound", "The requested resource could not be found.");
    }

    static ApiError invalidQuery(String message) {
        return of(400, "InvalidQuery", message);
    }

    static ApiError conflict() {
        return of(409, "UpdateConflict", "Couldn't update the resource because of conflicting modifications.");
    }

    /** A validation error on one API property (camelCase), carried in {@code _embedded.details.attribute}. */
    static ApiError onProperty(String identifier, String attribute, String message) {
        return new ApiError(422, identifier, message, attribute, List.of());
    }

    static ApiError constraint(String attribute, String message) {
        return onProperty("PropertyConstraintViolation", attribute, message);
    }

    static ApiError readOnly(String attribute) {
        return onProperty("PropertyIsReadOnly", attribute,
                "The attribute '" + attribute + "' was attempted to be written but is not writable.");
    }

    /** Throws the errors a validation collected, merged, if it collected any. */
    static void throwIfAny(List<ApiError> errors) {
        if (!errors.isEmpty()) {
            throw merge(errors);
        }
    }

    /** A PATCH may not write the links a resource is fixed by once created. */
    static void refuseWritesTo(JsonNode links, String... fixed) {
        for (String name : fixed) {
            if (links.has(name)) {
                throw readOnly(name);
            }
        }
    }

    /** One error stays itself; several become {@code MultipleErrors}, as {@code create_and_merge_errors} does. */
    static ApiError merge(List<ApiError> errors) {
        if (errors.size() == 1) {
            return errors.get(0);
        }
        return new ApiError(422, "MultipleErrors", "Multiple field constraints have been violated.", null,
                List.copyOf(errors));
    }

    int status() {
        return status;
    }

    ObjectNode toJson() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("_type", "Error");
        body.put("errorIdentifier", PREFIX + identifier);
        body.put("message", getMessage());
        if (attribute != null) {
            body.putObject("_embedded").putObject("details").put("attribute", attribute);
        } else if (!nested.isEmpty()) {
            var array = body.putObject("_embedded").putArray("errors");
            nested.forEach(error -> array.add(error.toJson()));
        }
        return body;
    }
}
