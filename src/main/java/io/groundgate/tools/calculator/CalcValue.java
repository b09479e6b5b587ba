package io.groundgate.tools.calculator;

import java.math.BigDecimal;

/**
 * The result of an expression.
 *
 * @param value the number, exact or rounded to the configured precision (see {@code exact})
 * @param unit the unit symbol (e.g. {@code kg}, {@code km/h}, {@code °C}), or null for a plain number
 * @param text the value and unit as one string, e.g. {@code 38.6 kg}
 * @param exact whether no step rounded: false after a non-terminating division, a root, a logarithm, trigonometry, π or
 *        a result longer than the digit limit
 * @param expression the expression as the calculator understood it, normalised (e.g. {@code 19.3 g/cm^3 * 2 L in kg})
 */
public record CalcValue(BigDecimal value, String unit, String text, boolean exact, String expression) {

    /** The value as a plain or scientific decimal string with no trailing zeros, as in {@code text}. */
    public String formattedValue() {
        return Decimals.format(value);
    }
}
