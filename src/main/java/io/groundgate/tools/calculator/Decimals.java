package io.groundgate.tools.calculator;

import java.math.BigDecimal;
import java.math.MathContext;

/** Formatting and cheap size estimates for BigDecimal values. */
final class Decimals {

    /** Plain notation would pad with more zeros than this: use scientific notation instead. */
    private static final int MAX_PADDING_ZEROS = 15;
    /** Values below 1e-10 are written in scientific notation. */
    private static final int MIN_PLAIN_EXPONENT = -10;

    private static final MathContext LEADING = new MathContext(17);

    private Decimals() {
    }

    /**
     * Plain notation without trailing zeros ({@code 38.6}, {@code 1267650600228229401496703205376}), unless that would need
     * more than 15 padding zeros or the value is below 1e-10: then scientific with every significant digit
     * ({@code 6.022E+23}, {@code 1.602176634E-19}).
     */
    static String format(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal v = value.stripTrailingZeros();
        if (-v.scale() > MAX_PADDING_ZEROS || exponent(v) < MIN_PLAIN_EXPONENT) {
            return v.toString();
        }
        return v.toPlainString();
    }

    /** The decimal exponent of the leading digit: 0 for 3.5, 2 for 123, -3 for 0.00123. Zero for zero. */
    static long exponent(BigDecimal v) {
        return v.signum() == 0 ? 0 : (long) v.precision() - v.scale() - 1;
    }

    /** log10(|v|) to double precision, for any magnitude BigDecimal can hold; v must not be zero. */
    static double log10(BigDecimal v) {
        long e = exponent(v);
        // the leading 17 digits as a number in [1, 10)
        double mantissa = v.abs().round(LEADING).movePointLeft((int) e).doubleValue();
        return e + Math.log10(mantissa);
    }

    static boolean isInteger(BigDecimal v) {
        return v.signum() == 0 || v.scale() <= 0 || v.stripTrailingZeros().scale() <= 0;
    }

    /** The double closest to v, or null when v is outside double's range. */
    static Double toDouble(BigDecimal v) {
        double d = v.doubleValue();
        return Double.isFinite(d) ? d : null;
    }
}
