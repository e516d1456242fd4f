package io.j2o.sandbox.jira.jql;

/** A JQL string Jira would reject; the message is the text Jira puts into {@code errorMessages}. */
public final class JqlParseException extends RuntimeException {

    public JqlParseException(String message) {
        super(message);
    }

    static JqlParseException at(String detail, int position) {
        return new JqlParseException("Error in the JQL Query: " + detail + " (line 1, character " + position + ")");
    }
}
