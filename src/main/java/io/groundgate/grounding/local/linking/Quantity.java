package io.groundgate.grounding.local.linking;

import java.math.BigDecimal;

/**
 * An amount with a unit written in the question ("2 litres", "a litre").
 *
 * @param number the amount
 * @param unit the unit as written, which the calculator understands
 * @param tokenIndex index of the unit's (last) token
 */
public record Quantity(BigDecimal number, String unit, int tokenIndex) {

    /** The amount as calculator input, e.g. {@code 2 litres}. */
    public String expression() {
        return number.toPlainString() + " " + unit;
    }
}
