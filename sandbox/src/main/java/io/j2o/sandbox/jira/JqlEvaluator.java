package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.dataset.JiraDateTimes;
import io.j2o.sandbox.jira.jql.JqlCondition;
import io.j2o.sandbox.jira.jql.JqlOperator;
import io.j2o.sandbox.jira.jql.JqlSort;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Evaluates parsed JQL against issue JSON, and checks what Jira checks before searching: the field exists, the
 * operator suits it, and named projects and issue keys exist.
 */
final class JqlEvaluator {

    private static final Set<String> DATE_FIELDS = Set.of("updated", "created", "resolved", "resolutiondate");
    private static final Set<String> TEXT_FIELDS = Set.of("project", "key", "issuekey", "id", "status", "issuetype",
            "type", "priority", "labels", "assignee", "reporter");

    private final ZoneId zone;
    private final Instant now;
    private final Map<String, String> projectKeys;
    private final Predicate<String> issueExists;

    /**
     * @param projectKeys upper-cased keys, names and ids of the site's projects → the upper-cased key each names
     * @param issueExists whether an issue key or id resolves
     */
    JqlEvaluator(ZoneId zone, Instant now, Map<String, String> projectKeys, Predicate<String> issueExists) {
        this.zone = zone;
        this.now = now;
        this.projectKeys = projectKeys;
        this.issueExists = issueExists;
    }

    Predicate<ObjectNode> predicate(JqlCondition condition) {
        if (condition instanceof JqlCondition.And and) {
            List<Predicate<ObjectNode>> parts = and.parts().stream().map(this::predicate).toList();
            return issue -> parts.stream().allMatch(part -> part.test(issue));
        }
        if (condition instanceof JqlCondition.Or or) {
            List<Predicate<ObjectNode>> parts = or.parts().stream().map(this::predicate).toList();
            return issue -> parts.stream().anyMatch(part -> part.test(issue));
        }
        return clause((JqlCondition.Clause) condition);
    }

    Comparator<ObjectNode> comparator(List<JqlSort> orderBy) {
        Comparator<ObjectNode> order = null;
        for (JqlSort sort : orderBy) {
            Comparator<ObjectNode> next = sortKey(sort.field().toLowerCase(Locale.ROOT));
            if (!sort.ascending()) {
                next = next.reversed();
            }
            order = order == null ? next : order.thenComparing(next);
        }
        // Without ORDER BY the order is unspecified in Jira; issue id keeps it stable here.
        Comparator<ObjectNode> byId = Comparator.comparingLong(issue -> numericId(issue.path("id").asText()));
        return order == null ? byId : order.thenComparing(byId);
    }

    private Comparator<ObjectNode> sortKey(String field) {
        if (DATE_FIELDS.contains(field)) {
            return Comparator.comparing((ObjectNode issue) -> date(issue, field),
                    Comparator.nullsLast(Comparator.naturalOrder()));
        }
        return switch (field) {
            case "key", "issuekey" -> Comparator.comparing((ObjectNode issue) -> issue.path("key").asText(), JqlEvaluator::compareKeys);
            case "id" -> Comparator.comparingLong(issue -> numericId(issue.path("id").asText()));
            case "project" -> Comparator.comparing(issue -> issue.path("fields").path("project").path("key").asText());
            case "priority" -> Comparator.comparingLong(issue -> numericId(issue.path("fields").path("priority").path("id").asText()));
            case "summary" -> Comparator.comparing(issue -> issue.path("fields").path("summary").asText());
            default -> throw JiraApiException.badRequest("Not able to sort using field '" + field + "'.");
        };
    }

    private Predicate<ObjectNode> clause(JqlCondition.Clause clause) {
        String field = clause.field().toLowerCase(Locale.ROOT);
        JqlOperator operator = clause.operator();
        if (DATE_FIELDS.contains(field)) {
            if (operator == JqlOperator.IN || operator == JqlOperator.NOT_IN) {
                throw unsupported(operator, clause.field());
            }
            Instant bound = JqlDateLiteral.parse(clause.field(), clause.values().get(0), zone, now);
            return issue -> {
                Instant value = date(issue, field);
                return value != null && compare(value.compareTo(bound), operator);
            };
        }
        if (!TEXT_FIELDS.contains(field)) {
            throw JiraApiException.badRequest("Field '" + clause.field()
                    + "' does not exist or you do not have permission to view it.");
        }
        boolean keyField = field.equals("key") || field.equals("issuekey") || field.equals("id");
        if (operator.isRange() && !keyField) {
            throw unsupported(operator, clause.field());
        }
        validateValues(field, clause);
        if (operator.isRange()) {
            String bound = clause.values().get(0);
            return issue -> compare(compareKeys(issue.path("key").asText(), bound), operator);
        }
        Set<String> wanted = clause.values().stream().map(value -> value.toUpperCase(Locale.ROOT))
                .map(value -> field.equals("project") ? projectKeys.get(value) : value)
                .collect(Collectors.toSet());
        boolean negated = operator == JqlOperator.NOT_EQUALS || operator == JqlOperator.NOT_IN;
        return issue -> {
            boolean matches = candidates(issue, field).stream().anyMatch(wanted::contains);
            return negated != matches;
        };
    }

    private void validateValues(String field, JqlCondition.Clause clause) {
        for (String value : clause.values()) {
            String upper = value.toUpperCase(Locale.ROOT);
            if (field.equals("project") && !projectKeys.containsKey(upper)) {
                throw JiraApiException.badRequest("The value '" + value + "' does not exist for the field '"
                        + clause.field() + "'.");
            }
            if ((field.equals("key") || field.equals("issuekey")) && !clause.operator().isRange()
                    && !issueExists.test(value)) {
                throw JiraApiException.badRequest("An issue with key '" + value + "' does not exist for field '"
                        + clause.field() + "'.");
            }
        }
    }

    /** The upper-cased texts a clause value may match for this field (key, id and name where Jira accepts each). */
    private static List<String> candidates(ObjectNode issue, String field) {
        JsonNode fields = issue.path("fields");
        List<String> values = new ArrayList<>();
        switch (field) {
            case "project" -> {
                // Clause values are resolved to project keys first, so only the key is compared here.
                addAll(values, fields.path("project"), "key");
                String key = issue.path("key").asText();
                if (values.isEmpty() && key.contains("-")) {
                    values.add(key.substring(0, key.lastIndexOf('-')));
                }
            }
            case "key", "issuekey", "id" -> addAll(values, issue, "key", "id");
            case "status", "priority" -> addAll(values, fields.path(field), "name", "id");
            case "issuetype", "type" -> addAll(values, fields.path("issuetype"), "name", "id");
            case "assignee", "reporter" -> addAll(values, fields.path(field), "accountId", "name", "key");
            case "labels" -> fields.path("labels").forEach(label -> values.add(label.asText()));
            default -> {
                // fields are validated before evaluation
            }
        }
        return values.stream().map(value -> value.toUpperCase(Locale.ROOT)).toList();
    }

    private static void addAll(List<String> values, JsonNode node, String... names) {
        for (String name : names) {
            if (node.hasNonNull(name)) {
                values.add(node.get(name).asText());
            }
        }
    }

    private static Instant date(ObjectNode issue, String field) {
        String name = field.equals("resolved") ? "resolutiondate" : field;
        JsonNode value = issue.path("fields").path(name);
        return value.isTextual() ? JiraDateTimes.parseOrNull(value.asText()) : null;
    }

    private static boolean compare(int comparison, JqlOperator operator) {
        return switch (operator) {
            case EQUALS -> comparison == 0;
            case NOT_EQUALS -> comparison != 0;
            case GREATER -> comparison > 0;
            case GREATER_OR_EQUAL -> comparison >= 0;
            case LESS -> comparison < 0;
            case LESS_OR_EQUAL -> comparison <= 0;
            default -> false;
        };
    }

    /** Jira orders keys by project key, then by issue number as a number ({@code A-9 < A-10}). */
    static int compareKeys(String left, String right) {
        int leftDash = left.lastIndexOf('-');
        int rightDash = right.lastIndexOf('-');
        if (leftDash < 0 || rightDash < 0) {
            return left.compareToIgnoreCase(right);
        }
        int byProject = left.substring(0, leftDash).compareToIgnoreCase(right.substring(0, rightDash));
        return byProject != 0 ? byProject
                : Long.compare(numericId(left.substring(leftDash + 1)), numericId(right.substring(rightDash + 1)));
    }

    private static long numericId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static JiraApiException unsupported(JqlOperator operator, String field) {
        return JiraApiException.badRequest("The operator '" + operator.symbol() + "' is not supported by the '"
                + field + "' field.");
    }
}
