package io.j2o.loader.upsert;

/** A work package was edited in OpenProject since the loader wrote it, and the policy is to park the command. */
public final class EditedInOpenProjectException extends RuntimeException {

    public EditedInOpenProjectException(String message) {
        super(message);
    }
}
