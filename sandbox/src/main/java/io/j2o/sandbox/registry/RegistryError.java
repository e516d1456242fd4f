package io.j2o.sandbox.registry;

import java.util.Arrays;
import java.util.List;

/** A refusal the registry answers with a Confluent error body: HTTP status, {@code error_code} and message. */
final class RegistryError extends RuntimeException {

    private final int httpStatus;
    private final int errorCode;

    private RegistryError(int httpStatus, int errorCode, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    int httpStatus() {
        return httpStatus;
    }

    int errorCode() {
        return errorCode;
    }

    static RegistryError subjectNotFound(String subject) {
        return new RegistryError(404, 40401, "Subject '" + subject + "' not found.");
    }

    static RegistryError versionNotFound(String version) {
        return new RegistryError(404, 40402, "Version " + version + " not found.");
    }

    static RegistryError schemaNotFound(String detail) {
        return new RegistryError(404, 40403, detail);
    }

    static RegistryError subjectLevelNotConfigured(String subject) {
        return new RegistryError(404, 40408,
                "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    static RegistryError incompatible(String subject, List<String> details) {
        return new RegistryError(409, 409, "Schema being registered is incompatible with an earlier schema for "
                + "subject \"" + subject + "\", details: " + details);
    }

    static RegistryError invalidSchema(String detail) {
        return new RegistryError(422, 42201, "Invalid schema: " + detail);
    }

    static RegistryError invalidVersion(String version) {
        return new RegistryError(422, 42202, "The specified version '" + version + "' is not a valid version id. "
                + "Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    static RegistryError invalidCompatibilityLevel(String level) {
        return new RegistryError(422, 42203, "Invalid compatibility level '" + level + "'. Valid values are "
                + Arrays.toString(CompatibilityLevel.values()));
    }

    static RegistryError malformedRequest(String detail) {
        return new RegistryError(400, 400, "Malformed request: " + detail);
    }

    static RegistryError storeFailure(String detail) {
        return new RegistryError(500, 50001, "Error in the backend data store: " + detail);
    }
}
