package io.j2o.sandbox.jira.jql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Recursive-descent parser: {@code query := [or] [ORDER BY sort (, sort)*]}, with AND binding tighter than OR. */
final class JqlParser {

    /** Jira's limit on ORDER BY keys. */
    private static final int MAX_SORT_FIELDS = 7;

    private final List<JqlToken> tokens;
    private int index;

    JqlParser(List<JqlToken> tokens) {
        this.tokens = tokens;
    }

    JqlQuery query() {
        Optional<JqlCondition> where = Optional.empty();
        if (peek().type() != JqlToken.Type.END && !peek().isWord("order")) {
            where = Optional.of(or());
        }
        List<JqlSort> orderBy = new ArrayList<>();
        if (peek().isWord("order")) {
            advance();
            expectWord("by");
            do {
                orderBy.add(sort());
            } while (acceptType(JqlToken.Type.COMMA));
            if (orderBy.size() > MAX_SORT_FIELDS) {
                throw new JqlParseException("Error in the JQL Query: The ORDER BY clause may contain at most "
                        + MAX_SORT_FIELDS + " fields.");
            }
        }
        JqlToken rest = peek();
        if (rest.type() != JqlToken.Type.END) {
            throw JqlParseException.at("Expecting either 'OR' or 'AND' but got " + rest.describe() + ".", rest.position());
        }
        return new JqlQuery(where, orderBy);
    }

    private JqlCondition or() {
        List<JqlCondition> parts = new ArrayList<>(List.of(and()));
        while (peek().isWord("or")) {
            advance();
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new JqlCondition.Or(parts);
    }

    private JqlCondition and() {
        List<JqlCondition> parts = new ArrayList<>(List.of(primary()));
        while (peek().isWord("and")) {
            advance();
            parts.add(primary());
        }
        return parts.size() == 1 ? parts.get(0) : new JqlCondition.And(parts);
    }

    private JqlCondition primary() {
        if (acceptType(JqlToken.Type.LEFT_PAREN)) {
            JqlCondition inner = or();
            if (!acceptType(JqlToken.Type.RIGHT_PAREN)) {
                throw expectedClosingParenthesis();
            }
            return inner;
        }
        return clause();
    }

    private JqlCondition.Clause clause() {
        JqlToken field = advance();
        if (field.type() != JqlToken.Type.WORD && field.type() != JqlToken.Type.STRING || isKeyword(field)) {
            throw JqlParseException.at("Expecting a field name but got " + field.describe() + ".", field.position());
        }
        JqlOperator operator = operator();
        List<String> values = new ArrayList<>();
        if (operator == JqlOperator.IN || operator == JqlOperator.NOT_IN) {
            if (!acceptType(JqlToken.Type.LEFT_PAREN)) {
                JqlToken got = peek();
                throw JqlParseException.at("Expecting '(' but got " + got.describe() + ".", got.position());
            }
            do {
                values.add(value());
            } while (acceptType(JqlToken.Type.COMMA));
            if (!acceptType(JqlToken.Type.RIGHT_PAREN)) {
                throw expectedClosingParenthesis();
            }
        } else {
            values.add(value());
        }
        return new JqlCondition.Clause(field.text(), operator, values);
    }

    private JqlOperator operator() {
        JqlToken token = advance();
        if (token.type() == JqlToken.Type.OPERATOR) {
            JqlOperator operator = JqlOperator.fromSymbol(token.text());
            if (operator != null) {
                return operator;
            }
        } else if (token.isWord("in")) {
            return JqlOperator.IN;
        } else if (token.isWord("not") && peek().isWord("in")) {
            advance();
            return JqlOperator.NOT_IN;
        }
        throw JqlParseException.at("Expecting operator but got " + token.describe() + ". The valid operators are"
                + " '=', '!=', '<', '>', '<=', '>=', 'IN' and 'NOT IN'.", token.position());
    }

    private String value() {
        JqlToken token = advance();
        if (token.type() == JqlToken.Type.STRING) {
            return token.text();
        }
        if (token.type() == JqlToken.Type.WORD && !isKeyword(token)) {
            if (acceptType(JqlToken.Type.LEFT_PAREN)) {
                if (!acceptType(JqlToken.Type.RIGHT_PAREN)) {
                    throw expectedClosingParenthesis();
                }
                return token.text() + "()";
            }
            return token.text();
        }
        throw JqlParseException.at("Expecting either a value, list or function but got " + token.describe()
                + ". You must surround " + token.describe() + " in quotation marks to use it as a value.", token.position());
    }

    private JqlSort sort() {
        JqlToken field = advance();
        if (field.type() != JqlToken.Type.WORD && field.type() != JqlToken.Type.STRING || isKeyword(field)) {
            throw JqlParseException.at("Expecting a field name but got " + field.describe() + ".", field.position());
        }
        boolean ascending = true;
        if (peek().isWord("asc")) {
            advance();
        } else if (peek().isWord("desc")) {
            advance();
            ascending = false;
        }
        return new JqlSort(field.text(), ascending);
    }

    private JqlParseException expectedClosingParenthesis() {
        JqlToken got = peek();
        return got.type() == JqlToken.Type.END
                ? new JqlParseException("Error in the JQL Query: Expecting ')' before the end of the query.")
                : JqlParseException.at("Expecting ')' but got " + got.describe() + ".", got.position());
    }

    private void expectWord(String keyword) {
        JqlToken token = advance();
        if (!token.isWord(keyword)) {
            throw JqlParseException.at("Expecting '" + keyword.toUpperCase() + "' but got " + token.describe() + ".",
                    token.position());
        }
    }

    private boolean acceptType(JqlToken.Type type) {
        if (peek().type() == type) {
            index++;
            return true;
        }
        return false;
    }

    private JqlToken peek() {
        return tokens.get(index);
    }

    private JqlToken advance() {
        JqlToken token = tokens.get(index);
        if (token.type() != JqlToken.Type.END) {
            index++;
        }
        return token;
    }

    private static boolean isKeyword(JqlToken token) {
        return token.type() == JqlToken.Type.WORD && List.of("and", "or", "not", "in", "order", "by", "asc", "desc")
                .contains(token.text().toLowerCase(Locale.ROOT));
    }
}
