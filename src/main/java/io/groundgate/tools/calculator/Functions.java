package io.groundgate.tools.calculator;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;

import ch.obermuhlner.math.big.BigDecimalMath;

/**
 * The built-in functions. Trigonometry takes radians, or an angle with a unit ({@code sin(30°)}, {@code sin(30 deg)});
 * the {@code …d} variants take and return degrees. Multiples of 30° and 45° give exact results; tan at 90° + k·180° is
 * a math_error. In radians, a sine or cosine below 10^-(precision-3) of an argument of at least that size is taken as 0
 * (so {@code sin(pi)} is 0, not 1E-35).
 */
final class Functions {

    private record Arity(int min, int max) {
    }

    private static final Map<String, Arity> ARITY = Map.ofEntries(
            Map.entry("sqrt", new Arity(1, 1)), Map.entry("cbrt", new Arity(1, 1)),
            Map.entry("exp", new Arity(1, 1)), Map.entry("ln", new Arity(1, 1)),
            Map.entry("log", new Arity(1, 2)), Map.entry("log10", new Arity(1, 1)), Map.entry("log2", new Arity(1, 1)),
            Map.entry("sin", new Arity(1, 1)), Map.entry("cos", new Arity(1, 1)), Map.entry("tan", new Arity(1, 1)),
            Map.entry("asin", new Arity(1, 1)), Map.entry("acos", new Arity(1, 1)), Map.entry("atan", new Arity(1, 1)),
            Map.entry("atan2", new Arity(2, 2)),
            Map.entry("sind", new Arity(1, 1)), Map.entry("cosd", new Arity(1, 1)), Map.entry("tand", new Arity(1, 1)),
            Map.entry("asind", new Arity(1, 1)), Map.entry("acosd", new Arity(1, 1)),
            Map.entry("atand", new Arity(1, 1)),
            Map.entry("abs", new Arity(1, 1)), Map.entry("round", new Arity(1, 2)), Map.entry("floor", new Arity(1, 1)),
            Map.entry("ceil", new Arity(1, 1)), Map.entry("min", new Arity(1, 100)), Map.entry("max", new Arity(1, 100)));

    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal TRIG_LIMIT = new BigDecimal("1e15");
    private static final BigDecimal D360 = BigDecimal.valueOf(360);
    private static final BigDecimal D180 = BigDecimal.valueOf(180);

    private Functions() {
    }

    static boolean isFunction(String name) {
        return ARITY.containsKey(name);
    }

    static Set<String> names() {
        return ARITY.keySet();
    }

    static void checkArity(String name, int count, int column) {
        Arity a = ARITY.get(name);
        if (count < a.min() || count > a.max()) {
            String expected = a.min() == a.max() ? a.min() + (a.min() == 1 ? " argument" : " arguments")
                    : a.max() >= 100 ? "at least " + a.min() + " argument" : a.min() + " or " + a.max() + " arguments";
            throw CalcException.parse(column, name + " takes " + expected + ", got " + count);
        }
    }

    static Value apply(String name, Value[] args, Eval ev, int column) {
        Value a = args[0];
        return switch (name) {
            case "sqrt" -> root(a, 2, ev, column);
            case "cbrt" -> root(a, 3, ev, column);
            case "exp" -> exp(a, ev, column);
            case "ln" -> plain(ln(a, "ln", ev, column), false, ev);
            case "log10" -> log10(a, ev, column);
            case "log2" -> logBase(a, BigDecimal.valueOf(2), ev, column);
            case "log" -> args.length == 1 ? log10(a, ev, column) : logBase(a, base(args[1], ev, column), ev, column);
            case "sin", "cos", "tan" -> trig(name, a, ev, column);
            case "sind", "cosd", "tand" -> {
                ev.requirePlain(a, name + "'s argument (in degrees)", column);
                yield degrees(name.substring(0, 3), a.number(), a.exact(), ev, column);
            }
            case "asin", "acos", "atan" -> inverse(name, a, false, ev, column);
            case "asind", "acosd", "atand" -> inverse(name.substring(0, 4), a, true, ev, column);
            case "atan2" -> atan2(a, args[1], ev, column);
            case "abs" -> new Value(a.number().abs(), a.unit(), a.exact());
            case "floor" -> new Value(toScale(a.number(), 0, RoundingMode.FLOOR), a.unit(), a.exact());
            case "ceil" -> new Value(toScale(a.number(), 0, RoundingMode.CEILING), a.unit(), a.exact());
            case "round" -> round(a, args.length > 1 ? args[1] : null, ev, column);
            case "min", "max" -> extreme(name.equals("max"), args, ev, column);
            default -> throw new IllegalStateException("no function " + name);
        };
    }

    private static Value plain(BigDecimal v, boolean exact, Eval ev) {
        return ev.value(v, CompoundUnit.NONE, exact);
    }

    private static Value root(Value a, int n, Eval ev, int column) {
        String fn = n == 2 ? "sqrt" : "cbrt";
        Value v = a;
        CompoundUnit unit = a.unit().root(n);
        if (unit == null) {
            if (a.unit().affine() != null) {
                throw Eval.units(column, fn + " of a temperature in " + a.unit().symbol() + " is meaningless");
            }
            Dimension d = a.unit().dimension().root(n);
            if (d == null) {
                throw Eval.units(column, fn + " of " + a.describe() + " has no unit: its dimension is not a "
                        + (n == 2 ? "square" : "cube"));
            }
            CompoundUnit si = Units.preferred(a.unit().dimension());
            unit = si.root(n);
            if (unit == null) {
                si = Units.preferred(d).pow(n);
                unit = Units.preferred(d);
            }
            v = ev.linear(a, si, column);
        }
        BigDecimal x = v.number();
        if (n == 2 && x.signum() < 0) {
            throw Eval.math(column, "the square root of a negative number (" + Decimals.format(x) + ")");
        }
        BigDecimal r = n == 2 ? x.sqrt(ev.work) : cubeRoot(x.abs(), ev);
        if (x.signum() < 0) {
            r = r.negate();
        }
        r = r.stripTrailingZeros();
        boolean exact = v.exact() && r.pow(n).compareTo(x) == 0;
        return ev.value(r, unit, exact);
    }

    /**
     * The cube root of x ≥ 0. big-math's root starts from a double guess and divides by zero below 1e-308, so
     * x = m·10^(3k) is reduced to cbrt(m)·10^k with m in [1, 1000).
     */
    private static BigDecimal cubeRoot(BigDecimal x, Eval ev) {
        if (x.signum() == 0) {
            return BigDecimal.ZERO;
        }
        int k = Math.toIntExact(Math.floorDiv(Decimals.exponent(x), 3));
        BigDecimal m = x.movePointLeft(3 * k);
        return BigDecimalMath.root(m, BigDecimal.valueOf(3), ev.work).movePointRight(k);
    }

    private static Value exp(Value a, Eval ev, int column) {
        ev.requirePlain(a, "exp's argument", column);
        BigDecimal x = a.number();
        if (x.signum() == 0) {
            return plain(BigDecimal.ONE, a.exact(), ev);
        }
        ev.checkMagnitude(x.doubleValue() / Math.log(10), column);
        return plain(BigDecimalMath.exp(x, ev.work), false, ev);
    }

    private static BigDecimal ln(Value a, String fn, Eval ev, int column) {
        ev.requirePlain(a, fn + "'s argument", column);
        BigDecimal x = a.number();
        if (x.signum() <= 0) {
            throw Eval.math(column, "the logarithm of " + (x.signum() == 0 ? "zero" : "a negative number ("
                    + Decimals.format(x) + ")") + " is undefined");
        }
        return ev.ln(x);
    }

    private static Value log10(Value a, Eval ev, int column) {
        BigDecimal lnx = ln(a, "log10", ev, column);
        BigDecimal x = a.number().stripTrailingZeros();
        if (x.unscaledValue().equals(BigInteger.ONE)) {
            return plain(BigDecimal.valueOf(-x.scale()), a.exact(), ev);
        }
        return plain(lnx.divide(ev.constants.ln10(), ev.work), lnx.signum() == 0 && a.exact(), ev);
    }

    private static BigDecimal base(Value b, Eval ev, int column) {
        ev.requirePlain(b, "a logarithm's base", column);
        if (b.number().signum() <= 0 || b.number().compareTo(BigDecimal.ONE) == 0) {
            throw Eval.math(column, "a logarithm's base must be positive and not 1, not " + Decimals.format(b.number()));
        }
        return b.number();
    }

    private static Value logBase(Value a, BigDecimal base, Eval ev, int column) {
        BigDecimal lnx = ln(a, "log", ev, column);
        if (lnx.signum() == 0) {
            return plain(BigDecimal.ZERO, a.exact(), ev);
        }
        BigDecimal q = lnx.divide(ev.ln(base), ev.work);
        // log(8, 2) is 3, not 2.99999…: snap a result within rounding noise of an integer whose power checks out
        BigDecimal k = q.setScale(0, RoundingMode.HALF_EVEN);
        if (q.subtract(k).abs().compareTo(BigDecimal.ONE.movePointLeft(ev.limits.precision())) < 0
                && k.abs().compareTo(BigDecimal.valueOf(ev.limits.maxExponent())) <= 0) {
            int n = k.intValueExact();
            BigDecimal p = n >= 0 ? base.pow(n, ev.work) : BigDecimal.ONE.divide(base.pow(-n, ev.work), ev.work);
            if (p.compareTo(a.number()) == 0) {
                return plain(k, a.exact(), ev);
            }
        }
        return plain(q, false, ev);
    }

    private static Value trig(String fn, Value a, Eval ev, int column) {
        if (!a.plain()) {
            if (!a.unit().dimension().equals(Dimension.ANGLE)) {
                throw Eval.units(column, fn + " needs an angle or a plain number (radians), not " + a.describe());
            }
            if (a.unit().equals(CompoundUnit.of(Units.symbol("deg"), 1))) {
                return degrees(fn, a.number(), a.exact(), ev, column);
            }
            a = ev.linear(a, CompoundUnit.of(Units.symbol("rad"), 1), column);
        }
        return radians(fn, a.number(), ev, column);
    }

    private static Value radians(String fn, BigDecimal x, Eval ev, int column) {
        if (x.abs().compareTo(TRIG_LIMIT) > 0) {
            throw CalcException.limit("At column " + column + ": " + fn + " of " + Decimals.format(x)
                    + " radians is out of range (|x| ≤ 1e15; reduce the angle first)");
        }
        if (x.signum() == 0) {
            return plain(fn.equals("cos") ? BigDecimal.ONE : BigDecimal.ZERO, true, ev);
        }
        if (ev.negligibleSquare(x)) {
            // sin x = tan x = x and cos x = 1 to the working precision; big-math's series would crawl through
            // thousands of digits of scale instead
            return plain(fn.equals("cos") ? BigDecimal.ONE : x, false, ev);
        }
        BigDecimal noise = BigDecimal.ONE.movePointLeft(ev.limits.precision() - 3);
        boolean snap = x.abs().compareTo(noise) >= 0;
        BigDecimal r;
        switch (fn) {
            case "sin" -> r = BigDecimalMath.sin(x, ev.work);
            case "cos" -> r = BigDecimalMath.cos(x, ev.work);
            default -> {
                BigDecimal c = BigDecimalMath.cos(x, ev.work);
                if (snap && c.abs().compareTo(noise) < 0) {
                    throw Eval.math(column, "tan is undefined at odd multiples of π/2");
                }
                BigDecimal s = BigDecimalMath.sin(x, ev.work);
                r = snap && s.abs().compareTo(noise) < 0 ? BigDecimal.ZERO : s.divide(c, ev.work);
            }
        }
        if (snap && r.abs().compareTo(noise) < 0) {
            r = BigDecimal.ZERO;
        }
        return plain(r, false, ev);
    }

    /** sin/cos/tan of an angle in degrees, exact at multiples of 30° and 45°. */
    private static Value degrees(String fn, BigDecimal deg, boolean exact, Eval ev, int column) {
        BigDecimal d = deg.remainder(D360);
        if (d.signum() < 0) {
            d = d.add(D360);
        }
        BigDecimal special = Decimals.isInteger(d) ? exactTrig(fn, d.intValue()) : null;
        if (special != null) {
            return plain(special, exact, ev);
        }
        if (fn.equals("tan") && Decimals.isInteger(d) && d.intValue() % 180 == 90) {
            throw Eval.math(column, "tan(" + Decimals.format(deg) + "°) is undefined");
        }
        BigDecimal rad = d.multiply(ev.constants.pi()).divide(D180, ev.work);
        return radians(fn, rad, ev, column);
    }

    private static BigDecimal exactTrig(String fn, int d) {
        BigDecimal sin = switch (d) {
            case 0, 180 -> BigDecimal.ZERO;
            case 30, 150 -> HALF;
            case 210, 330 -> HALF.negate();
            case 90 -> BigDecimal.ONE;
            case 270 -> BigDecimal.ONE.negate();
            default -> null;
        };
        BigDecimal cos = switch (d) {
            case 90, 270 -> BigDecimal.ZERO;
            case 60, 300 -> HALF;
            case 120, 240 -> HALF.negate();
            case 0 -> BigDecimal.ONE;
            case 180 -> BigDecimal.ONE.negate();
            default -> null;
        };
        return switch (fn) {
            case "sin" -> sin;
            case "cos" -> cos;
            default -> switch (d) {
                case 0, 180 -> BigDecimal.ZERO;
                case 45, 225 -> BigDecimal.ONE;
                case 135, 315 -> BigDecimal.ONE.negate();
                default -> null;
            };
        };
    }

    private static Value inverse(String fn, Value a, boolean inDegrees, Eval ev, int column) {
        ev.requirePlain(a, fn + "'s argument", column);
        BigDecimal x = a.number();
        if (!fn.equals("atan") && x.abs().compareTo(BigDecimal.ONE) > 0) {
            throw Eval.math(column, fn + " is defined only from -1 to 1, not " + Decimals.format(x));
        }
        if (inDegrees) {
            Integer exact = exactInverse(fn, x);
            if (exact != null) {
                return plain(BigDecimal.valueOf(exact), a.exact(), ev);
            }
        }
        if (x.signum() == 0 && !fn.equals("acos")) {
            return plain(BigDecimal.ZERO, a.exact(), ev);
        }
        BigDecimal r = switch (fn) {
            case "asin" -> ev.negligibleSquare(x) ? x : BigDecimalMath.asin(x, ev.work);
            case "acos" -> ev.negligibleSquare(x) ? halfPi(ev).subtract(x, ev.work) : BigDecimalMath.acos(x, ev.work);
            default -> atan(x, ev);
        };
        if (inDegrees) {
            r = r.multiply(D180).divide(ev.constants.pi(), ev.work);
        }
        return plain(r, false, ev);
    }

    private static Integer exactInverse(String fn, BigDecimal x) {
        int half = x.compareTo(HALF) == 0 ? 1 : x.compareTo(HALF.negate()) == 0 ? -1 : 0;
        int one = x.compareTo(BigDecimal.ONE) == 0 ? 1 : x.compareTo(BigDecimal.ONE.negate()) == 0 ? -1 : 0;
        boolean zero = x.signum() == 0;
        return switch (fn) {
            case "asin" -> zero ? Integer.valueOf(0) : half != 0 ? Integer.valueOf(30 * half)
                    : one != 0 ? Integer.valueOf(90 * one) : null;
            case "acos" -> zero ? Integer.valueOf(90) : half != 0 ? Integer.valueOf(90 - 30 * half)
                    : one != 0 ? Integer.valueOf(90 - 90 * one) : null;
            default -> zero ? Integer.valueOf(0) : one != 0 ? Integer.valueOf(45 * one) : null;
        };
    }

    private static BigDecimal halfPi(Eval ev) {
        return ev.constants.pi().divide(BigDecimal.valueOf(2), ev.work);
    }

    /**
     * atan x, with |x| > 1 reduced to ±π/2 − atan(1/x) and a tiny x taken as itself: big-math's series of atan(1e10000)
     * or atan(1e-10000) runs for minutes.
     */
    private static BigDecimal atan(BigDecimal x, Eval ev) {
        ev.tick();
        if (ev.negligibleSquare(x)) {
            return x;
        }
        if (x.abs().compareTo(BigDecimal.ONE) > 0) {
            BigDecimal inner = atan(BigDecimal.ONE.divide(x, ev.work), ev);
            BigDecimal quarter = x.signum() > 0 ? halfPi(ev) : halfPi(ev).negate();
            return quarter.subtract(inner, ev.work);
        }
        return BigDecimalMath.atan(x, ev.work);
    }

    private static Value atan2(Value y, Value x, Eval ev, int column) {
        if (y.plain() != x.plain() || !y.unit().dimension().equals(x.unit().dimension())) {
            throw Eval.units(column, "atan2 needs two values of the same kind, not " + y.describe() + " and "
                    + x.describe());
        }
        Value xs = ev.linear(x, y.unit(), column);
        if (y.number().signum() == 0 && xs.number().signum() == 0) {
            throw Eval.math(column, "atan2(0, 0) is undefined");
        }
        BigDecimal yn = y.number();
        BigDecimal xn = xs.number();
        BigDecimal r;
        if (xn.signum() == 0) {
            r = yn.signum() > 0 ? halfPi(ev) : halfPi(ev).negate();
        } else {
            r = atan(yn.divide(xn, ev.work), ev);
            if (xn.signum() < 0) {
                r = yn.signum() >= 0 ? r.add(ev.constants.pi(), ev.work) : r.subtract(ev.constants.pi(), ev.work);
            }
        }
        return plain(r, false, ev);
    }

    private static Value round(Value a, Value places, Eval ev, int column) {
        int n = 0;
        if (places != null) {
            ev.requirePlain(places, "round's number of decimals", column);
            BigDecimal p = places.number();
            if (!Decimals.isInteger(p) || p.abs().compareTo(BigDecimal.valueOf(ev.limits.maxDigits())) > 0) {
                throw Eval.math(column, "round's number of decimals must be a whole number from -"
                        + ev.limits.maxDigits() + " to " + ev.limits.maxDigits() + ", not " + Decimals.format(p));
            }
            n = p.intValueExact();
        }
        return ev.value(toScale(a.number(), n, RoundingMode.HALF_UP), a.unit(), a.exact());
    }

    /**
     * x rounded to {@code scale} decimals; unchanged when it has no more than that, so that ceil(1e10000) does not
     * write out ten thousand zeros.
     */
    private static BigDecimal toScale(BigDecimal x, int scale, RoundingMode mode) {
        return x.scale() <= scale ? x : x.setScale(scale, mode);
    }

    private static Value extreme(boolean max, Value[] args, Eval ev, int column) {
        Value best = args[0];
        BigDecimal bestSi = ev.absolute(best);
        for (int k = 1; k < args.length; k++) {
            Value v = args[k];
            if (v.plain() != best.plain() || !v.unit().dimension().equals(best.unit().dimension())) {
                throw Eval.units(column, (max ? "max" : "min") + " needs values of the same kind, not "
                        + args[0].describe() + " and " + v.describe());
            }
            BigDecimal si = ev.absolute(v);
            int c = si.compareTo(bestSi);
            if (max ? c > 0 : c < 0) {
                best = v;
                bestSi = si;
            }
        }
        return best;
    }
}
