package io.j2o.sandbox.jira.jql;

import java.util.List;
import java.util.Optional;

/** A parsed JQL query; {@code where} is empty for a query without any search restriction. */
public record JqlQuery(Optional<JqlCondition> where, List<JqlSort> orderBy) {

    public JqlQuery {
        orderBy = List.copyOf(orderBy);
    }

    /** Parses JQL, throwing {@link JqlParseException} with Jira's wording for malformed input. */
    public static JqlQuery parse(String jql) {
        return new JqlParser(new JqlLexer(jql == null ? "" : jql).tokens()).query();
    }

    /** Jira Cloud's enhanced search refuses queries that restrict nothing. */
    public boolean bounded() {
        return where.isPresent();
    }
}
