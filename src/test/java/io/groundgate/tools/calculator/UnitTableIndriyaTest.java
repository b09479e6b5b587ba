package io.groundgate.tools.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.measure.Unit;

import org.junit.jupiter.api.Test;

import tech.units.indriya.unit.Units;

import static javax.measure.MetricPrefix.CENTI;
import static javax.measure.MetricPrefix.HECTO;
import static javax.measure.MetricPrefix.KILO;
import static javax.measure.MetricPrefix.MEGA;
import static javax.measure.MetricPrefix.MICRO;
import static javax.measure.MetricPrefix.MILLI;
import static javax.measure.MetricPrefix.NANO;

/**
 * Checks the calculator's own exact unit table against Indriya, the JSR 385 reference implementation, for every unit
 * Indriya defines itself: same dimension kind and the same factor to SI.
 */
class UnitTableIndriyaTest {

    @Test
    void metricFactorsAgreeWithIndriya() {
        Map<String, Unit<?>> pairs = new LinkedHashMap<>();
        pairs.put("m", Units.METRE);
        pairs.put("km", KILO(Units.METRE));
        pairs.put("cm", CENTI(Units.METRE));
        pairs.put("mm", MILLI(Units.METRE));
        pairs.put("µm", MICRO(Units.METRE));
        pairs.put("nm", NANO(Units.METRE));
        pairs.put("L", Units.LITRE);
        pairs.put("mL", MILLI(Units.LITRE));
        pairs.put("kg", Units.KILOGRAM);
        pairs.put("g", Units.GRAM);
        pairs.put("mg", MILLI(Units.GRAM));
        pairs.put("µg", MICRO(Units.GRAM));
        pairs.put("s", Units.SECOND);
        pairs.put("ms", MILLI(Units.SECOND));
        pairs.put("min", Units.MINUTE);
        pairs.put("h", Units.HOUR);
        pairs.put("day", Units.DAY);
        pairs.put("week", Units.WEEK);
        pairs.put("kph", Units.KILOMETRE_PER_HOUR);
        pairs.put("J", Units.JOULE);
        pairs.put("kJ", KILO(Units.JOULE));
        pairs.put("MJ", MEGA(Units.JOULE));
        pairs.put("W", Units.WATT);
        pairs.put("kW", KILO(Units.WATT));
        pairs.put("MW", MEGA(Units.WATT));
        pairs.put("kWh", KILO(Units.WATT).multiply(Units.HOUR));
        pairs.put("Wh", Units.WATT.multiply(Units.HOUR));
        pairs.put("N", Units.NEWTON);
        pairs.put("kN", KILO(Units.NEWTON));
        pairs.put("Pa", Units.PASCAL);
        pairs.put("hPa", HECTO(Units.PASCAL));
        pairs.put("kPa", KILO(Units.PASCAL));
        pairs.put("MPa", MEGA(Units.PASCAL));
        pairs.put("Hz", Units.HERTZ);
        pairs.put("mol", Units.MOLE);
        pairs.put("mmol", MILLI(Units.MOLE));
        pairs.put("K", Units.KELVIN);
        pairs.put("rad", Units.RADIAN);
        for (Map.Entry<String, Unit<?>> pair : pairs.entrySet()) {
            UnitDef ours = io.groundgate.tools.calculator.Units.symbol(pair.getKey());
            Unit<?> theirs = pair.getValue();
            @SuppressWarnings({ "unchecked", "rawtypes" })
            double factor = ((Unit) theirs).getConverterTo(theirs.getSystemUnit()).convert(1.0d);
            double mine = ours.num().divide(ours.den(), MathContext.DECIMAL64).doubleValue();
            assertThat(mine).as(pair.getKey()).isCloseTo(factor, within(Math.abs(factor) * 1e-12));
        }
    }

    @Test
    void celsiusOffsetAgreesWithIndriya() {
        double kelvin = Units.CELSIUS.getConverterTo(Units.KELVIN).convert(100.0d);
        UnitDef celsius = io.groundgate.tools.calculator.Units.symbol("°C");
        assertThat(new BigDecimal(100).add(celsius.offset()).doubleValue()).isEqualTo(kelvin);
    }

    @Test
    void dimensionsAgreeWithIndriya() {
        assertThat(Units.KILOMETRE_PER_HOUR.getDimension()).isEqualTo(Units.METRE_PER_SECOND.getDimension());
        UnitDef kph = io.groundgate.tools.calculator.Units.symbol("kph");
        UnitDef knot = io.groundgate.tools.calculator.Units.symbol("knot");
        assertThat(kph.dimension()).isEqualTo(knot.dimension()).isEqualTo(Dimension.LENGTH.times(Dimension.TIME.pow(-1)));
        assertThat(io.groundgate.tools.calculator.Units.symbol("J").dimension().describe()).isEqualTo("energy");
        assertThat(io.groundgate.tools.calculator.Units.symbol("Pa").dimension().describe()).isEqualTo("pressure");
    }
}
