package io.j2o.sandbox.jira.jql;

import java.util.List;

/** The WHERE part of a JQL query as a tree of AND, OR and single-field clauses. */
public sealed interface JqlCondition permits JqlCondition.And, JqlCondition.Or, JqlCondition.Clause {

    /** All parts must hold. */
    record And(List<JqlCondition> parts) implements JqlCondition {
        public And {
            parts = List.copyOf(parts);
        }
    }

    /** At least one part must hold. */
    record Or(List<JqlCondition> parts) implements JqlCondition {
        public Or {
            parts = List.copyOf(parts);
        }
    }

    /**
     * One restriction such as {@code project in (A, "B")}; values are the literal texts after unquoting, or a
     * function call written as {@code name()}.
     */
    record Clause(String field, JqlOperator operator, List<String> values) implements JqlCondition {
        public Clause {
            values = List.copyOf(values);
        }
    }
}
