package io.groundgate.tools.calculator;

import java.math.BigDecimal;

/** One lexical token, with its 1-based column. */
record Token(Kind kind, String text, int column, BigDecimal number, int power) {

    enum Kind {
        NUMBER, IDENT, PLUS, MINUS, STAR, SLASH, CARET, SUPERSCRIPT, LPAREN, RPAREN, COMMA, BANG, PERCENT, END
    }

    static Token of(Kind kind, String text, int column) {
        return new Token(kind, text, column, null, 0);
    }

    boolean is(Kind k) {
        return kind == k;
    }

    boolean isIdent(String name) {
        return kind == Kind.IDENT && text.equals(name);
    }

    /** How the token reads in an error message. */
    String describe() {
        return switch (kind) {
            case END -> "the end of the expression";
            case NUMBER -> "the number " + text;
            case IDENT -> "'" + text + "'";
            default -> "'" + text + "'";
        };
    }
}
