package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.dataset.JiraDateTimes;
import io.j2o.sandbox.jira.jql.JqlParseException;
import io.j2o.sandbox.jira.jql.JqlQuery;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/** What both flavours' searches see: the issues a JQL query matches, in its order, as the (maybe lagging) index holds them. */
final class SearchIndex {

    private SearchIndex() {
    }

    /** Parses JQL, answering malformed input with Jira's 400. */
    static JqlQuery parse(String jql) {
        try {
            return JqlQuery.parse(jql);
        } catch (JqlParseException e) {
            throw JiraApiException.badRequest(e.getMessage());
        }
    }

    /** The matching issues in the query's order; a query without restriction matches every issue. */
    static List<ObjectNode> matching(SimulatedSite site, JqlQuery query) {
        JqlEvaluator evaluator = new JqlEvaluator(site.options().timeZone(), site.now(), site.projectKeysByIdentifier(),
                key -> site.issues().find(key).isPresent());
        Predicate<ObjectNode> predicate = query.where().map(evaluator::predicate).orElse(issue -> true);
        Instant indexedUpTo = site.now().minus(site.faults().searchLag());
        return site.issues().snapshot().stream()
                .filter(issue -> indexed(issue, indexedUpTo))
                .filter(predicate)
                .sorted(evaluator.comparator(query.orderBy()))
                .toList();
    }

    /** With a search lag set, the index has not yet seen an issue updated after {@code indexedUpTo}. */
    private static boolean indexed(ObjectNode issue, Instant indexedUpTo) {
        Instant updated = JiraDateTimes.parseOrNull(issue.path("fields").path("updated").asText(null));
        return updated == null || !updated.isAfter(indexedUpTo);
    }

    /** A search answers {@code expand=names} once for the page, not per issue: move each issue's names up. */
    static void hoistNames(ObjectNode body, List<ObjectNode> page) {
        ObjectNode names = body.putObject("names");
        page.forEach(issue -> {
            if (issue.get("names") instanceof ObjectNode issueNames) {
                names.setAll(issueNames);
                issue.remove("names");
            }
        });
    }
}
