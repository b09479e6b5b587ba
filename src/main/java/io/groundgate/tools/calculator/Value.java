package io.groundgate.tools.calculator;

import java.math.BigDecimal;

/** An intermediate result: a number in a unit (possibly none), and whether it is still exact. */
record Value(BigDecimal number, CompoundUnit unit, boolean exact) {

    static Value plain(BigDecimal number, boolean exact) {
        return new Value(number, CompoundUnit.NONE, exact);
    }

    boolean plain() {
        return unit.isNone();
    }

    String describe() {
        return plain() ? "a plain number" : unit.dimension().describe() + " (" + unit.symbol() + ")";
    }
}
