package io.groundgate.tools.calculator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.obermuhlner.math.big.BigDecimalMath;

/** The unit table: every symbol and alias the calculator knows, with exact factors to coherent SI units. */
final class Units {

    private static final Map<String, UnitDef> BY_NAME = new HashMap<>();
    private static final Map<String, UnitDef> BY_SYMBOL = new LinkedHashMap<>();
    private static final Map<Dimension, CompoundUnit> PREFERRED = new HashMap<>();
    private static final Map<CompoundUnit, UnitDef> ATOMIC = new HashMap<>();
    private static final BigDecimal PI = BigDecimalMath.pi(new MathContext(80));

    static {
        Dimension l = Dimension.LENGTH;
        Dimension m = Dimension.MASS;
        Dimension t = Dimension.TIME;
        Dimension area = l.pow(2);
        Dimension volume = l.pow(3);
        Dimension speed = l.times(t.pow(-1));
        Dimension energy = m.times(l.pow(2)).times(t.pow(-2));
        Dimension power = energy.times(t.pow(-1));
        Dimension force = m.times(l).times(t.pow(-2));
        Dimension pressure = force.times(area.pow(-1));

        def("m", l, "1", "metre", "meter", "metres", "meters");
        def("km", l, "1000", "kilometre", "kilometer", "kilometres", "kilometers");
        def("cm", l, "0.01", "centimetre", "centimeter", "centimetres", "centimeters");
        def("mm", l, "0.001", "millimetre", "millimeter", "millimetres", "millimeters");
        def("µm", l, "1e-6", "um", "μm", "micron", "microns", "micrometre", "micrometer");
        def("nm", l, "1e-9", "nanometre", "nanometer", "nanometres", "nanometers");
        def("mi", l, "1609.344", "mile", "miles");
        def("yd", l, "0.9144", "yard", "yards");
        def("ft", l, "0.3048", "foot", "feet");
        def("in", l, "0.0254", "inch", "inches");
        def("nmi", l, "1852", "nautical_mile");

        def("ha", area, "10000", "hectare", "hectares");
        def("acre", area, "4046.8564224", "acres");

        def("L", volume, "0.001", "l", "litre", "liter", "litres", "liters");
        def("mL", volume, "1e-6", "ml", "millilitre", "milliliter", "millilitres", "milliliters");
        def("gal", volume, "0.003785411784", "gallon", "gallons");
        def("qt", volume, "0.000946352946", "quart", "quarts");
        def("pt", volume, "0.000473176473", "pint", "pints");

        def("kg", m, "1", "kilogram", "kilograms");
        def("g", m, "0.001", "gram", "grams");
        def("mg", m, "1e-6", "milligram", "milligrams");
        def("µg", m, "1e-9", "ug", "μg", "microgram", "micrograms");
        def("t", m, "1000", "tonne", "tonnes");
        def("lb", m, "0.45359237", "lbs", "pound", "pounds");
        def("oz", m, "0.028349523125", "ounce", "ounces");

        def("s", t, "1", "sec", "second", "seconds");
        def("ms", t, "0.001", "millisecond", "milliseconds");
        def("min", t, "60", "minute", "minutes");
        def("h", t, "3600", "hr", "hour", "hours");
        def("day", t, "86400", "d", "days");
        def("week", t, "604800", "wk", "weeks");
        def("yr", t, "31557600", "year", "years");

        rational("kph", speed, "1000", "3600", List.of(part("km", 1), part("h", -1)));
        rational("mph", speed, "1609.344", "3600", List.of(part("mi", 1), part("h", -1)));
        rational("knot", speed, "1852", "3600", List.of(part("nmi", 1), part("h", -1)), "knots", "kn", "kt");

        def("J", energy, "1", "joule", "joules");
        def("kJ", energy, "1000", "kilojoule", "kilojoules");
        def("MJ", energy, "1e6", "megajoule", "megajoules");
        def("W", power, "1", "watt", "watts");
        def("kW", power, "1000", "kilowatt", "kilowatts");
        def("MW", power, "1e6", "megawatt", "megawatts");
        rational("Wh", energy, "3600", "1", List.of(part("W", 1), part("h", 1)));
        rational("kWh", energy, "3.6e6", "1", List.of(part("kW", 1), part("h", 1)));
        def("cal", energy, "4.184", "calorie", "calories");
        def("kcal", energy, "4184", "kilocalorie", "kilocalories");
        def("eV", energy, "1.602176634e-19", "electronvolt", "electronvolts");

        def("N", force, "1", "newton", "newtons");
        def("kN", force, "1000", "kilonewton", "kilonewtons");

        def("Pa", pressure, "1", "pascal", "pascals");
        def("hPa", pressure, "100", "hectopascal", "hectopascals");
        def("kPa", pressure, "1000", "kilopascal", "kilopascals");
        def("MPa", pressure, "1e6", "megapascal", "megapascals");
        def("bar", pressure, "100000", "bars");
        def("mbar", pressure, "100", "millibar", "millibars");
        def("atm", pressure, "101325", "atmosphere", "atmospheres");
        rational("psi", pressure, "4.4482216152605", "0.00064516", List.of());
        def("mmHg", pressure, "133.322387415");
        rational("Torr", pressure, "101325", "760", List.of(), "torr");

        def("Hz", t.pow(-1), "1", "hertz");
        def("mol", Dimension.AMOUNT, "1", "mole", "moles");
        def("mmol", Dimension.AMOUNT, "0.001", "millimole", "millimoles");

        def("K", Dimension.TEMPERATURE, "1", "kelvin");
        add(new UnitDef("°C", Dimension.TEMPERATURE, BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("273.15"), true,
                List.of()), "degC", "℃", "celsius", "Celsius");
        add(new UnitDef("°F", Dimension.TEMPERATURE, new BigDecimal(5), new BigDecimal(9), new BigDecimal("459.67"), true,
                List.of()), "degF", "℉", "fahrenheit", "Fahrenheit");

        def("rad", Dimension.ANGLE, "1", "radian", "radians");
        add(new UnitDef("deg", Dimension.ANGLE, PI, new BigDecimal(180), BigDecimal.ZERO, false, List.of()), "°", "degree",
                "degrees");

        prefer(l, "m", 1);
        prefer(area, "m", 2);
        prefer(volume, "m", 3);
        prefer(m, "kg", 1);
        prefer(t, "s", 1);
        prefer(Dimension.TEMPERATURE, "K", 1);
        prefer(Dimension.ANGLE, "rad", 1);
        prefer(Dimension.AMOUNT, "mol", 1);
        prefer(energy, "J", 1);
        prefer(power, "W", 1);
        prefer(force, "N", 1);
        prefer(pressure, "Pa", 1);
        prefer(t.pow(-1), "Hz", 1);
        PREFERRED.put(speed, CompoundUnit.of(symbol("m"), 1).times(CompoundUnit.of(symbol("s"), -1)));
        PREFERRED.put(l.times(t.pow(-2)), CompoundUnit.of(symbol("m"), 1).times(CompoundUnit.of(symbol("s"), -2)));
        PREFERRED.put(m.times(l.pow(-3)), CompoundUnit.of(symbol("kg"), 1).times(CompoundUnit.of(symbol("m"), -3)));

        for (UnitDef def : BY_SYMBOL.values()) {
            if (!def.expansion().isEmpty()) {
                CompoundUnit expanded = CompoundUnit.NONE;
                for (UnitDef.Part p : def.expansion()) {
                    expanded = expanded.times(CompoundUnit.of(symbol(p.symbol()), p.exponent()));
                }
                ATOMIC.put(expanded, def);
            }
        }
    }

    private Units() {
    }

    /** The unit a name or alias denotes, or null. Names are case-sensitive (mL and ml are both listed). */
    static UnitDef lookup(String name) {
        return BY_NAME.get(name);
    }

    static UnitDef symbol(String symbol) {
        UnitDef def = BY_SYMBOL.get(symbol);
        if (def == null) {
            throw new IllegalArgumentException("no unit " + symbol);
        }
        return def;
    }

    /** Every unit, by canonical symbol, in table order. */
    static Map<String, UnitDef> all() {
        return Collections.unmodifiableMap(BY_SYMBOL);
    }

    /** Every accepted spelling of a unit. */
    static List<String> names() {
        return new ArrayList<>(BY_NAME.keySet());
    }

    /** The unit a result of this dimension is shown in when its own units mix: SI, coherent. */
    static CompoundUnit preferred(Dimension dimension) {
        CompoundUnit unit = PREFERRED.get(dimension);
        if (unit != null) {
            return unit;
        }
        String[] base = { "m", "kg", "s", "K", "mol", "rad" };
        CompoundUnit built = CompoundUnit.NONE;
        for (int i = 0; i < Dimension.BASES; i++) {
            if (dimension.get(i) != 0) {
                built = built.times(CompoundUnit.of(symbol(base[i]), dimension.get(i)));
            }
        }
        return built;
    }

    /** A named unit defined as exactly this product (kW·h -> kWh), or null. */
    static UnitDef atomicFor(CompoundUnit unit) {
        return ATOMIC.get(unit);
    }

    private static UnitDef.Part part(String symbol, int exponent) {
        return new UnitDef.Part(symbol, exponent);
    }

    private static void def(String symbol, Dimension dimension, String factor, String... aliases) {
        add(new UnitDef(symbol, dimension, new BigDecimal(factor), BigDecimal.ONE, BigDecimal.ZERO, true, List.of()),
                aliases);
    }

    private static void rational(String symbol, Dimension dimension, String num, String den, List<UnitDef.Part> expansion,
            String... aliases) {
        add(new UnitDef(symbol, dimension, new BigDecimal(num), new BigDecimal(den), BigDecimal.ZERO, true, expansion),
                aliases);
    }

    private static void add(UnitDef def, String... aliases) {
        BY_SYMBOL.put(def.symbol(), def);
        register(def.symbol(), def);
        for (String alias : aliases) {
            register(alias, def);
        }
    }

    private static void register(String name, UnitDef def) {
        if (BY_NAME.putIfAbsent(name, def) != null) {
            throw new IllegalStateException("unit name listed twice: " + name);
        }
    }

    private static void prefer(Dimension dimension, String symbol, int exponent) {
        PREFERRED.put(dimension, CompoundUnit.of(symbol(symbol), exponent));
    }
}
