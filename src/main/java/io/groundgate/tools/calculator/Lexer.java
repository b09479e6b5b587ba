package io.groundgate.tools.calculator;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.groundgate.tools.calculator.Token.Kind;

/**
 * Splits an expression into tokens.
 * <p>
 * Digit grouping: {@code 1_234_567} anywhere; {@code 1 234 567} (a single space, no-break or thin space) anywhere; and
 * {@code 1,234,567} everywhere except directly inside a function call's argument list, where a comma always separates
 * arguments ({@code max(1,234)} is two arguments). A group separator must follow 1 to 3 leading digits and be followed by
 * exactly 3 digits, the same separator throughout, and only in the integer part.
 */
final class Lexer {

    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final int MAX_EXPONENT_DIGITS = 9;

    private final String src;
    private final CalculatorLimits limits;
    private final List<Token> tokens = new ArrayList<>();
    /** One entry per open parenthesis: true when it opens a function call's argument list. */
    private final Deque<Boolean> parens = new ArrayDeque<>();
    private int i;

    private Lexer(String src, CalculatorLimits limits) {
        this.src = src;
        this.limits = limits;
    }

    static List<Token> tokenize(String src, CalculatorLimits limits) {
        Lexer lexer = new Lexer(src, limits);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            int col = i + 1;
            if (isSpace(c)) {
                i++;
            } else if (isDigit(c) || (c == '.' && i + 1 < n && isDigit(src.charAt(i + 1)))) {
                number();
            } else if (c == '°') {
                degree(col);
            } else if (Character.isLetter(c)) {
                identifier();
            } else if (SUPERSCRIPT_DIGITS.indexOf(c) >= 0 || c == '⁻') {
                superscript();
            } else {
                symbol(c, col);
            }
        }
        tokens.add(Token.of(Kind.END, "", n + 1));
    }

    private void symbol(char c, int col) {
        Kind kind;
        String text = String.valueOf(c);
        switch (c) {
            case '+' -> kind = Kind.PLUS;
            case '-', '−', '–' -> {
                kind = Kind.MINUS;
                text = "-";
            }
            case '*' -> {
                if (i + 1 < src.length() && src.charAt(i + 1) == '*') {
                    i++;
                    kind = Kind.CARET;
                    text = "**";
                } else {
                    kind = Kind.STAR;
                }
            }
            case '×', '·', '⋅' -> kind = Kind.STAR;
            case '/', '÷', '∕' -> kind = Kind.SLASH;
            case '^' -> kind = Kind.CARET;
            case '(' -> {
                kind = Kind.LPAREN;
                Token prev = previous();
                parens.push(prev != null && prev.is(Kind.IDENT) && Functions.isFunction(prev.text()));
            }
            case ')' -> {
                kind = Kind.RPAREN;
                parens.poll();
            }
            case ',' -> kind = Kind.COMMA;
            case '!' -> kind = Kind.BANG;
            case '%' -> kind = Kind.PERCENT;
            case '℃' -> {
                kind = Kind.IDENT;
                text = "°C";
            }
            case '℉' -> {
                kind = Kind.IDENT;
                text = "°F";
            }
            default -> throw CalcException.parse(col, "unexpected character '" + printable(c)
                    + "'; expected a number, an operator (+ - * / ^ ! %), a name or a parenthesis");
        }
        i++;
        tokens.add(Token.of(kind, text, col));
    }

    private void degree(int col) {
        int n = src.length();
        if (i + 1 < n && (src.charAt(i + 1) == 'C' || src.charAt(i + 1) == 'F')
                && (i + 2 >= n || !Character.isLetterOrDigit(src.charAt(i + 2)))) {
            tokens.add(Token.of(Kind.IDENT, "°" + src.charAt(i + 1), col));
            i += 2;
        } else {
            tokens.add(Token.of(Kind.IDENT, "°", col));
            i++;
        }
    }

    private void identifier() {
        int start = i;
        int n = src.length();
        i++;
        while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_')) {
            i++;
        }
        String name = src.substring(start, i);
        Token prev = previous();
        // "3x4": an 'x' right after a number or a closing parenthesis, followed by digits, is a multiplication sign
        if (name.length() > 1 && name.charAt(0) == 'x' && prev != null && endsOperand(prev)
                && name.substring(1).chars().allMatch(Lexer::isDigit)) {
            i = start + 1;
            name = "x";
        }
        tokens.add(Token.of(Kind.IDENT, name, start + 1));
    }

    private void superscript() {
        int start = i;
        boolean negative = false;
        if (src.charAt(i) == '⁻') {
            negative = true;
            i++;
        }
        int value = 0;
        int digits = 0;
        while (i < src.length() && SUPERSCRIPT_DIGITS.indexOf(src.charAt(i)) >= 0) {
            if (++digits > 4) {
                throw CalcException.limit(start + 1, "superscript exponent has too many digits");
            }
            value = value * 10 + SUPERSCRIPT_DIGITS.indexOf(src.charAt(i));
            i++;
        }
        if (digits == 0) {
            throw CalcException.parse(i + 1, "expected a superscript digit after '⁻'");
        }
        tokens.add(new Token(Kind.SUPERSCRIPT, src.substring(start, i), start + 1, null, negative ? -value : value));
    }

    private void number() {
        int start = i;
        int n = src.length();
        StringBuilder digits = new StringBuilder();
        int leading = readDigits(digits);
        boolean underscored = src.lastIndexOf('_', i) >= start;
        if (leading >= 1 && leading <= 3 && !underscored) {
            char separator = 0;
            while (i + 3 < n) {
                char sep = src.charAt(i);
                boolean candidate = (sep == ',' && !insideCall()) || isGroupSpace(sep);
                if (!candidate || (separator != 0 && sep != separator) || !isDigit(src.charAt(i + 1))
                        || !isDigit(src.charAt(i + 2)) || !isDigit(src.charAt(i + 3))
                        || (i + 4 < n && (isDigit(src.charAt(i + 4)) || src.charAt(i + 4) == '_'))) {
                    break;
                }
                separator = sep;
                digits.append(src, i + 1, i + 4);
                i += 4;
            }
        }
        int fraction = 0;
        if (i < n && src.charAt(i) == '.' && i + 1 < n && isDigit(src.charAt(i + 1))) {
            i++;
            fraction = readDigits(digits);
        } else if (i < n && src.charAt(i) == '.' && digits.length() > 0) {
            i++; // "5." is 5
        }
        long exponent = 0;
        if (i < n && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
            int j = i + 1;
            boolean negative = false;
            if (j < n && (src.charAt(j) == '+' || src.charAt(j) == '-')) {
                negative = src.charAt(j) == '-';
                j++;
            }
            if (j < n && isDigit(src.charAt(j))) {
                int expStart = j;
                while (j < n && isDigit(src.charAt(j))) {
                    j++;
                }
                if (j - expStart > MAX_EXPONENT_DIGITS) {
                    throw CalcException.limit(start + 1, "the exponent of " + src.substring(start, j)
                            + " is out of range (|exponent| ≤ " + limits.maxMagnitude() + ")");
                }
                exponent = Long.parseLong(src.substring(expStart, j));
                if (negative) {
                    exponent = -exponent;
                }
                i = j;
            }
        }
        if (digits.length() > limits.maxDigits()) {
            throw CalcException.limit(start + 1, "a number has more than " + limits.maxDigits() + " digits");
        }
        BigDecimal value = new BigDecimal(digits.toString()).scaleByPowerOfTen((int) (exponent - fraction));
        if (value.signum() != 0 && Math.abs(Decimals.exponent(value)) > limits.maxMagnitude()) {
            throw CalcException.limit(start + 1, "the number " + src.substring(start, i)
                    + " is out of range (magnitude up to 10^" + limits.maxMagnitude() + ")");
        }
        tokens.add(new Token(Kind.NUMBER, src.substring(start, i), start + 1, value, 0));
    }

    /** Reads digits and underscores between digits into {@code out}; returns how many digits it read. */
    private int readDigits(StringBuilder out) {
        int count = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (isDigit(c)) {
                out.append(c);
                count++;
                i++;
            } else if (c == '_' && count > 0 && i + 1 < n && isDigit(src.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        return count;
    }

    private boolean insideCall() {
        Boolean top = parens.peek();
        return top != null && top;
    }

    private Token previous() {
        return tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
    }

    private static boolean endsOperand(Token t) {
        return t.is(Kind.NUMBER) || t.is(Kind.RPAREN) || t.is(Kind.SUPERSCRIPT) || t.is(Kind.BANG)
                || t.is(Kind.PERCENT);
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || isGroupSpace(c);
    }

    private static boolean isGroupSpace(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\u2009';
    }

    private static String printable(char c) {
        return Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
