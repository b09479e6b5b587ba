package io.groundgate.tools.calculator;

import java.math.BigDecimal;
import java.util.List;

/**
 * One named unit: {@code value in SI = (value + offset) × num / den}. Factors are exact decimals (a rational where the
 * definition needs one, e.g. km/h = 1000/3600 m/s); only angle units built on π are inexact.
 *
 * @param symbol the canonical symbol, used in results
 * @param dimension what it measures
 * @param num numerator of the factor to the coherent SI unit
 * @param den denominator of that factor
 * @param offset added before scaling (°C: 273.15, °F: 459.67), zero for ordinary units
 * @param exact whether num and den are exact
 * @param expansion the named units it is made of (kWh = kW·h), empty for base-like units
 */
record UnitDef(String symbol, Dimension dimension, BigDecimal num, BigDecimal den, BigDecimal offset, boolean exact,
        List<Part> expansion) {

    /** A symbol and an exponent inside an expansion. */
    record Part(String symbol, int exponent) {
    }

    boolean affine() {
        return offset.signum() != 0;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
