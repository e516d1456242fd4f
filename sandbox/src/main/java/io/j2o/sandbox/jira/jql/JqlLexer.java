package io.j2o.sandbox.jira.jql;

import java.util.ArrayList;
import java.util.List;

/** Splits JQL into tokens: words, quoted strings (with backslash escapes), operators, parentheses, commas. */
final class JqlLexer {

    private final String input;
    private int index;

    JqlLexer(String input) {
        this.input = input;
    }

    List<JqlToken> tokens() {
        List<JqlToken> tokens = new ArrayList<>();
        while (true) {
            skipWhitespace();
            if (index >= input.length()) {
                tokens.add(new JqlToken(JqlToken.Type.END, "", index + 1));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private JqlToken next() {
        int start = index;
        char c = input.charAt(index);
        switch (c) {
            case '(' -> {
                index++;
                return new JqlToken(JqlToken.Type.LEFT_PAREN, "(", start + 1);
            }
            case ')' -> {
                index++;
                return new JqlToken(JqlToken.Type.RIGHT_PAREN, ")", start + 1);
            }
            case ',' -> {
                index++;
                return new JqlToken(JqlToken.Type.COMMA, ",", start + 1);
            }
            case '"', '\'' -> {
                return quoted(c);
            }
            case '=', '~' -> {
                index++;
                return new JqlToken(JqlToken.Type.OPERATOR, String.valueOf(c), start + 1);
            }
            case '!', '<', '>' -> {
                return comparison(c);
            }
            default -> {
                if (isWordChar(c)) {
                    while (index < input.length() && isWordChar(input.charAt(index))) {
                        index++;
                    }
                    return new JqlToken(JqlToken.Type.WORD, input.substring(start, index), start + 1);
                }
                throw JqlParseException.at("The character '" + c + "' is a reserved JQL character. You must enclose it"
                        + " in a string or use the escape '\\u" + String.format("%04x", (int) c) + "' instead.", start + 1);
            }
        }
    }

    private JqlToken comparison(char first) {
        int start = index++;
        if (index < input.length() && (input.charAt(index) == '=' || (first == '!' && input.charAt(index) == '~'))) {
            index++;
        } else if (first == '!') {
            throw JqlParseException.at("The character '!' is a reserved JQL character. You must enclose it in a string"
                    + " or use the escape '\\u0021' instead.", start + 1);
        }
        return new JqlToken(JqlToken.Type.OPERATOR, input.substring(start, index), start + 1);
    }

    private JqlToken quoted(char quote) {
        int start = index++;
        StringBuilder value = new StringBuilder();
        while (index < input.length()) {
            char c = input.charAt(index++);
            if (c == quote) {
                return new JqlToken(JqlToken.Type.STRING, value.toString(), start + 1);
            }
            if (c == '\\') {
                value.append(escape(start));
            } else {
                value.append(c);
            }
        }
        throw JqlParseException.at("The quoted string '" + input.substring(start + 1) + "' has not been completed.",
                start + 1);
    }

    private char escape(int stringStart) {
        if (index >= input.length()) {
            throw JqlParseException.at("The quoted string '" + input.substring(stringStart + 1)
                    + "' has not been completed.", stringStart + 1);
        }
        char c = input.charAt(index++);
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'u' -> unicode();
            case '"', '\'', '\\', ' ' -> c;
            default -> throw JqlParseException.at("The escape sequence '\\" + c + "' is illegal.", index - 1);
        };
    }

    private char unicode() {
        if (index + 4 > input.length()) {
            throw JqlParseException.at("The escape sequence '\\u' is illegal.", index - 1);
        }
        try {
            char c = (char) Integer.parseInt(input.substring(index, index + 4), 16);
            index += 4;
            return c;
        } catch (NumberFormatException e) {
            throw JqlParseException.at("The escape sequence '\\u" + input.substring(index, index + 4)
                    + "' is illegal.", index - 1);
        }
    }

    private void skipWhitespace() {
        while (index < input.length() && Character.isWhitespace(input.charAt(index))) {
            index++;
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == '/' || c == ':' || c == '@';
    }
}
