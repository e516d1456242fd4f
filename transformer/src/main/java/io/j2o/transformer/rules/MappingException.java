package io.j2o.transformer.rules;

/** A Jira payload that a mapping rule cannot turn into a command; the reason names the field at fault. */
public final class MappingException extends RuntimeException {

    public MappingException(String message) {
        super(message);
    }
}
