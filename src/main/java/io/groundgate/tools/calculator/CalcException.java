package io.groundgate.tools.calculator;

/**
 * Why an expression could not be evaluated.
 * <p>
 * Codes: {@code parse_error} (with the 1-based column and what was expected), {@code math_error} (division by zero,
 * square root of a negative number, logarithm of a non-positive number, tan(90°), …), {@code incompatible_units}
 * (naming both dimensions), {@code limit_exceeded} (length, nesting, exponent, factorial, digits, magnitude or time).
 */
public final class CalcException extends RuntimeException {

    public static final String PARSE_ERROR = "parse_error";
    public static final String MATH_ERROR = "math_error";
    public static final String INCOMPATIBLE_UNITS = "incompatible_units";
    public static final String LIMIT_EXCEEDED = "limit_exceeded";

    private final String code;
    private final int column;

    public CalcException(String code, String message, int column) {
        super(message, null, false, false);
        this.code = code;
        this.column = column;
    }

    static CalcException parse(int column, String message) {
        return new CalcException(PARSE_ERROR, "At column " + column + ": " + message, column);
    }

    static CalcException math(String message) {
        return new CalcException(MATH_ERROR, message, 0);
    }

    static CalcException units(String message) {
        return new CalcException(INCOMPATIBLE_UNITS, message, 0);
    }

    static CalcException limit(String message) {
        return new CalcException(LIMIT_EXCEEDED, message, 0);
    }

    static CalcException limit(int column, String message) {
        return new CalcException(LIMIT_EXCEEDED, "At column " + column + ": " + message, column);
    }

    /** A stable machine-readable code: parse_error, math_error, incompatible_units or limit_exceeded. */
    public String code() {
        return code;
    }

    /** The 1-based column the error refers to, or 0 when it is not tied to one place. */
    public int column() {
        return column;
    }
}
