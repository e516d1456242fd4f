package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A response Jira answers with an error: the status and Jira's {@code ErrorCollection} body. */
final class JiraApiException extends RuntimeException {

    private final int status;
    private final List<String> errorMessages;

    JiraApiException(int status, String... errorMessages) {
        super(status + " " + String.join("; ", errorMessages));
        this.status = status;
        this.errorMessages = List.of(errorMessages);
    }

    static JiraApiException badRequest(String message) {
        return new JiraApiException(400, message);
    }

    static JiraApiException notFound(String message) {
        return new JiraApiException(404, message);
    }

    int status() {
        return status;
    }

    ObjectNode body() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        errorMessages.forEach(body.putArray("errorMessages")::add);
        body.putObject("errors");
        return body;
    }
}
