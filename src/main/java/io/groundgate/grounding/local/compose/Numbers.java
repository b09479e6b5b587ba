package io.groundgate.grounding.local.compose;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Says numbers the way people read them: exact decimals as written in the graph (no float noise), thousands
 * separators from five digits on (so years stay "2015"), and rounded results of inexact arithmetic marked by the
 * caller.
 */
public final class Numbers {

    private Numbers() {
    }

    /** An exact value: trailing zeros dropped, thousands separated when the integer part has five or more digits. */
    public static String format(BigDecimal value) {
        BigDecimal v = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        if (v.abs().compareTo(BigDecimal.valueOf(10_000)) < 0) {
            return v.toPlainString();
        }
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMaximumFractionDigits(Math.max(0, v.scale()));
        f.setMinimumFractionDigits(Math.max(0, v.scale()));
        return f.format(v);
    }

    /** An inexact value rounded for reading: two decimals, or four significant digits for small magnitudes. */
    public static String rounded(BigDecimal value) {
        BigDecimal v = value.abs().compareTo(BigDecimal.ONE) >= 0 ? value.setScale(2, RoundingMode.HALF_EVEN)
                : value.round(new MathContext(4, RoundingMode.HALF_EVEN));
        return format(v);
    }

    /** A value with its unit as people write it, e.g. {@code 19.3 g/cm³}; the bare number when there is no unit. */
    public static String withUnit(String number, String unit) {
        return unit == null || unit.isBlank() ? number : number + " " + unit(unit);
    }

    /** A unit as people write it: powers as superscripts ({@code km^2} → km², {@code g/cm^3} → g/cm³). */
    public static String unit(String unit) {
        return unit == null ? null : unit.replace("^-1", "⁻¹").replace("^2", "²").replace("^3", "³");
    }
}
