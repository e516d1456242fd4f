package io.j2o.sandbox.jira.jql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JqlQueryTest {

    @Test
    void parsesProjectEquality() {
        JqlQuery query = JqlQuery.parse("project = ALPHA");
        assertThat(query.where()).contains(new JqlCondition.Clause("project", JqlOperator.EQUALS, List.of("ALPHA")));
        assertThat(query.orderBy()).isEmpty();
        assertThat(query.bounded()).isTrue();
    }

    @Test
    void parsesInListWithQuotedAndBareValues() {
        JqlQuery query = JqlQuery.parse("project in (ALPHA, \"BETA\", 'Gamma Data')");
        assertThat(query.where()).contains(new JqlCondition.Clause("project", JqlOperator.IN,
                List.of("ALPHA", "BETA", "Gamma Data")));
    }

    @Test
    void escapedQuoteStaysInsideOneLiteralSoNothingIsInjected() {
        JqlQuery query = JqlQuery.parse("project = \"A\\\" OR project = B\"");
        assertThat(query.where()).contains(new JqlCondition.Clause("project", JqlOperator.EQUALS,
                List.of("A\" OR project = B")));
    }

    @Test
    void parsesTheCanonicalIncrementalQuery() {
        JqlQuery query = JqlQuery.parse(
                "project in (A,B) AND updated >= \"2025/03/04 10:11\" ORDER BY updated ASC, key ASC");
        assertThat(query.where()).contains(new JqlCondition.And(List.of(
                new JqlCondition.Clause("project", JqlOperator.IN, List.of("A", "B")),
                new JqlCondition.Clause("updated", JqlOperator.GREATER_OR_EQUAL, List.of("2025/03/04 10:11")))));
        assertThat(query.orderBy()).containsExactly(new JqlSort("updated", true), new JqlSort("key", true));
    }

    @Test
    void keywordsAreCaseInsensitiveAndAndBindsTighterThanOr() {
        JqlQuery query = JqlQuery.parse("key = A-1 or key = B-2 and created < -1d order by created desc");
        assertThat(query.where()).contains(new JqlCondition.Or(List.of(
                new JqlCondition.Clause("key", JqlOperator.EQUALS, List.of("A-1")),
                new JqlCondition.And(List.of(
                        new JqlCondition.Clause("key", JqlOperator.EQUALS, List.of("B-2")),
                        new JqlCondition.Clause("created", JqlOperator.LESS, List.of("-1d")))))));
        assertThat(query.orderBy()).containsExactly(new JqlSort("created", false));
    }

    @Test
    void parenthesesAndNotInAndFunctionsParse() {
        JqlQuery query = JqlQuery.parse("(project = A OR project = B) AND status NOT IN (Done) AND updated <= now()");
        assertThat(query.where().orElseThrow()).isInstanceOf(JqlCondition.And.class);
        JqlCondition.And and = (JqlCondition.And) query.where().orElseThrow();
        assertThat(and.parts()).hasSize(3);
        assertThat(and.parts().get(1)).isEqualTo(new JqlCondition.Clause("status", JqlOperator.NOT_IN, List.of("Done")));
        assertThat(and.parts().get(2)).isEqualTo(new JqlCondition.Clause("updated", JqlOperator.LESS_OR_EQUAL, List.of("now()")));
    }

    @Test
    void orderByAloneIsUnbounded() {
        assertThat(JqlQuery.parse("ORDER BY key ASC").bounded()).isFalse();
        assertThat(JqlQuery.parse("   ").bounded()).isFalse();
    }

    @Test
    void reportsErrorsInJirasWording() {
        assertThatThrownBy(() -> JqlQuery.parse("project = \"ALPHA"))
                .hasMessage("Error in the JQL Query: The quoted string 'ALPHA' has not been completed. (line 1, character 11)");
        assertThatThrownBy(() -> JqlQuery.parse("project in (A, B"))
                .hasMessage("Error in the JQL Query: Expecting ')' before the end of the query.");
        assertThatThrownBy(() -> JqlQuery.parse("project ALPHA"))
                .hasMessageStartingWith("Error in the JQL Query: Expecting operator but got 'ALPHA'.");
        assertThatThrownBy(() -> JqlQuery.parse("project = AND"))
                .hasMessageStartingWith("Error in the JQL Query: Expecting either a value, list or function but got 'AND'.");
        assertThatThrownBy(() -> JqlQuery.parse("project = A B"))
                .hasMessage("Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'B'. (line 1, character 13)");
        assertThatThrownBy(() -> JqlQuery.parse("summary = a%b"))
                .hasMessageContaining("The character '%' is a reserved JQL character");
        assertThatThrownBy(() -> JqlQuery.parse("project = A ORDER updated"))
                .hasMessageStartingWith("Error in the JQL Query: Expecting 'BY' but got 'updated'.");
    }

    @Test
    void refusesMoreThanSevenSortKeys() {
        assertThatThrownBy(() -> JqlQuery.parse("project = A ORDER BY a, b, c, d, e, f, g, h"))
                .isInstanceOf(JqlParseException.class);
    }
}
