package io.j2o.sandbox.jira.jql;

/** One lexical unit of a JQL string; {@code position} is the 1-based character where it starts, as Jira reports. */
public record JqlToken(Type type, String text, int position) {

    /** Token kinds; quoted strings are {@code STRING} so a keyword inside quotes is only ever a value. */
    public enum Type { WORD, STRING, OPERATOR, LEFT_PAREN, RIGHT_PAREN, COMMA, END }

    boolean isWord(String keyword) {
        return type == Type.WORD && text.equalsIgnoreCase(keyword);
    }

    /** How Jira quotes the token in error messages. */
    String describe() {
        return type == Type.END ? "end of the query" : "'" + text + "'";
    }
}
