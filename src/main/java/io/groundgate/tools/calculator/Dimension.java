package io.groundgate.tools.calculator;

import java.util.List;
import java.util.Map;

/**
 * The physical dimension of a quantity as exponents of base dimensions. Angle counts as its own base so that degrees and
 * radians convert and trigonometry can tell them apart.
 */
record Dimension(int length, int mass, int time, int temperature, int amount, int angle) {

    static final Dimension NONE = new Dimension(0, 0, 0, 0, 0, 0);
    static final Dimension LENGTH = new Dimension(1, 0, 0, 0, 0, 0);
    static final Dimension MASS = new Dimension(0, 1, 0, 0, 0, 0);
    static final Dimension TIME = new Dimension(0, 0, 1, 0, 0, 0);
    static final Dimension TEMPERATURE = new Dimension(0, 0, 0, 1, 0, 0);
    static final Dimension AMOUNT = new Dimension(0, 0, 0, 0, 1, 0);
    static final Dimension ANGLE = new Dimension(0, 0, 0, 0, 0, 1);

    static final int BASES = 6;
    private static final String[] BASE_NAMES = { "length", "mass", "time", "temperature", "amount", "angle" };

    private static final Map<Dimension, String> NAMES = Map.ofEntries(
            Map.entry(NONE, "dimensionless"),
            Map.entry(LENGTH, "length"),
            Map.entry(LENGTH.pow(2), "area"),
            Map.entry(LENGTH.pow(3), "volume"),
            Map.entry(MASS, "mass"),
            Map.entry(TIME, "time"),
            Map.entry(TEMPERATURE, "temperature"),
            Map.entry(AMOUNT, "amount of substance"),
            Map.entry(ANGLE, "angle"),
            Map.entry(LENGTH.times(TIME.pow(-1)), "speed"),
            Map.entry(LENGTH.times(TIME.pow(-2)), "acceleration"),
            Map.entry(MASS.times(LENGTH.pow(-3)), "density"),
            Map.entry(MASS.times(LENGTH.times(TIME.pow(-2))), "force"),
            Map.entry(MASS.times(LENGTH.pow(2)).times(TIME.pow(-2)), "energy"),
            Map.entry(MASS.times(LENGTH.pow(2)).times(TIME.pow(-3)), "power"),
            Map.entry(MASS.times(LENGTH.pow(-1)).times(TIME.pow(-2)), "pressure"),
            Map.entry(TIME.pow(-1), "frequency"));

    /** The names of the kinds of quantity that have one ("mass", "density"), without "dimensionless". */
    static List<String> names() {
        return NAMES.entrySet().stream().filter(e -> !e.getKey().isNone()).map(Map.Entry::getValue).sorted().toList();
    }

    /** The name of this kind of quantity ("mass", "density"), or null when it has none. */
    String name() {
        return NAMES.get(this);
    }

    int get(int base) {
        return switch (base) {
            case 0 -> length;
            case 1 -> mass;
            case 2 -> time;
            case 3 -> temperature;
            case 4 -> amount;
            default -> angle;
        };
    }

    Dimension times(Dimension o) {
        return new Dimension(length + o.length, mass + o.mass, time + o.time, temperature + o.temperature,
                amount + o.amount, angle + o.angle);
    }

    Dimension pow(int n) {
        return new Dimension(length * n, mass * n, time * n, temperature * n, amount * n, angle * n);
    }

    /** The n-th root, or null when some exponent is not divisible by n. */
    Dimension root(int n) {
        for (int i = 0; i < BASES; i++) {
            if (get(i) % n != 0) {
                return null;
            }
        }
        return new Dimension(length / n, mass / n, time / n, temperature / n, amount / n, angle / n);
    }

    boolean isNone() {
        return equals(NONE);
    }

    /** A human name: "mass", "density", or a formula such as "mass·length^2/time" for unnamed dimensions. */
    String describe() {
        String name = NAMES.get(this);
        if (name != null) {
            return name;
        }
        StringBuilder up = new StringBuilder();
        StringBuilder down = new StringBuilder();
        for (int i = 0; i < BASES; i++) {
            int e = get(i);
            if (e != 0) {
                StringBuilder sb = e > 0 ? up : down;
                if (sb.length() > 0) {
                    sb.append('·');
                }
                sb.append(BASE_NAMES[i]);
                if (Math.abs(e) != 1) {
                    sb.append('^').append(Math.abs(e));
                }
            }
        }
        return (up.length() == 0 ? "1" : up) + (down.length() == 0 ? "" : "/" + down);
    }
}
