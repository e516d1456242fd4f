package io.j2o.sandbox.jira.jql;

/** The JQL comparison operators the simulator understands. */
public enum JqlOperator {
    EQUALS("="), NOT_EQUALS("!="), IN("in"), NOT_IN("not in"),
    GREATER(">"), GREATER_OR_EQUAL(">="), LESS("<"), LESS_OR_EQUAL("<=");

    private final String symbol;

    JqlOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean isRange() {
        return this == GREATER || this == GREATER_OR_EQUAL || this == LESS || this == LESS_OR_EQUAL;
    }

    static JqlOperator fromSymbol(String symbol) {
        for (JqlOperator operator : values()) {
            if (operator.symbol.equals(symbol)) {
                return operator;
            }
        }
        return null;
    }
}
