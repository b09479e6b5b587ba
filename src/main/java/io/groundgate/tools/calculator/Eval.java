package io.groundgate.tools.calculator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

import ch.obermuhlner.math.big.BigDecimalMath;

/**
 * One evaluation: the limits, the working precision and the deadline, and the arithmetic of values with units.
 * <p>
 * Exactness: + − × and integer powers are exact while the result has at most {@code maxDigits} digits; division is exact
 * when the quotient terminates; everything else is computed with {@code precision + 10} digits and the final result is
 * rounded to {@code precision} significant digits, so that {@code 1/3*3} gives 1.
 */
final class Eval {

    private static final int GUARD_DIGITS = 10;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    /** Reading the thread's CPU time can cost microseconds, so evaluations shorter than this never do it. */
    private static final long CPU_SAMPLE_AFTER_NANOS = 1_000_000;
    private static final long UNSET = Long.MIN_VALUE;

    final CalculatorLimits limits;
    final MathContext work;
    final Constants constants;
    private final long start;
    private final long deadline;
    private final long budgetNanos;
    private long cpuStart = UNSET;

    Eval(CalculatorLimits limits, Constants constants, long startNanos, long budgetNanos) {
        this.limits = limits;
        this.work = constants.work();
        this.constants = constants;
        this.start = startNanos;
        this.deadline = startNanos + budgetNanos;
        this.budgetNanos = budgetNanos;
    }

    /** π, e and ln 10 at the working precision, computed once per calculator. */
    record Constants(MathContext work, BigDecimal pi, BigDecimal e, BigDecimal ln10) {

        static Constants of(CalculatorLimits limits) {
            MathContext work = new MathContext(limits.precision() + GUARD_DIGITS, RoundingMode.HALF_EVEN);
            return new Constants(work, BigDecimalMath.pi(work), BigDecimalMath.e(work),
                    BigDecimalMath.log(BigDecimal.TEN, work));
        }
    }

    /**
     * Whether x² is below the working precision relative to x (|x| < 10^-(digits/2 + 1)): then sin x, tan x, asin x
     * and atan x equal x, and cos x equals 1, to every digit computed.
     */
    boolean negligibleSquare(BigDecimal x) {
        return x.signum() != 0 && Decimals.exponent(x) < -(work.getPrecision() / 2 + 1);
    }

    /**
     * The natural logarithm of a positive x. big-math's log of a tiny number (1e-10000) iterates for about a minute, so
     * x = m·10^k is reduced to ln m + k·ln 10 with m in [1, 10), which costs the same at every magnitude. Near 1
     * (k = 0 or -1) it is not reduced, where that subtraction would cancel digits.
     */
    BigDecimal ln(BigDecimal x) {
        tick();
        if (x.compareTo(BigDecimal.ONE) == 0) {
            return BigDecimal.ZERO;
        }
        long k = Decimals.exponent(x);
        if (k == 0 || k == -1) {
            return BigDecimalMath.log(x, work);
        }
        BigDecimal m = x.movePointLeft(Math.toIntExact(k));
        return BigDecimalMath.log(m, work).add(constants.ln10().multiply(BigDecimal.valueOf(k)), work);
    }

    /**
     * Fails with limit_exceeded once the time budget is spent; cheap enough to call at every step. The wall clock is
     * checked first; once it has run out, the thread's CPU time decides (sampled from the first millisecond on), so that a thread merely waiting for a CPU on a loaded machine is not failed, while the work an
     * evaluation may do stays bounded by the budget.
     */
    void tick() {
        long now = System.nanoTime();
        if (cpuStart == UNSET && CPU_TIME && now - start > CPU_SAMPLE_AFTER_NANOS) {
            // ticks come microseconds apart while working, so a first sample much later than 1 ms means the thread
            // was waiting, not working: count at most 2 ms before it
            cpuStart = THREADS.getCurrentThreadCpuTime() - Math.min(now - start, 2 * CPU_SAMPLE_AFTER_NANOS);
        }
        if (now - deadline > 0 && (cpuStart == UNSET || THREADS.getCurrentThreadCpuTime() - cpuStart > budgetNanos)) {
            throw CalcException.limit("the evaluation took longer than its time budget of "
                    + limits.timeBudget().toMillis() + " ms");
        }
    }

    static boolean isConstant(String name) {
        return switch (name) {
            case "pi", "π", "e", "tau", "τ" -> true;
            default -> false;
        };
    }

    static String canonicalConstant(String name) {
        return switch (name) {
            case "π" -> "pi";
            case "τ" -> "tau";
            default -> name;
        };
    }

    BigDecimal constant(String name) {
        return switch (name) {
            case "pi" -> constants.pi();
            case "tau" -> constants.pi().multiply(BigDecimal.valueOf(2));
            default -> constants.e();
        };
    }

    /** Checks the magnitude and the digit count of a result, rounding it when it has too many digits. */
    Value value(BigDecimal v, CompoundUnit unit, boolean exact) {
        tick();
        if (v.signum() != 0) {
            long e = Decimals.exponent(v);
            if (Math.abs(e) > limits.maxMagnitude()) {
                throw CalcException.limit("a value is out of range: about 10^" + e + " (the limit is 10^±"
                        + limits.maxMagnitude() + ")");
            }
            if (v.precision() > limits.maxDigits()) {
                return new Value(v.round(work), unit, false);
            }
        }
        return new Value(v, unit, exact);
    }

    /** a / b with the working precision; exact when the quotient terminates within it. */
    Value quotient(BigDecimal a, BigDecimal b, CompoundUnit unit, boolean exact, int column) {
        if (b.signum() == 0) {
            throw math(column, "division by zero");
        }
        if (b.compareTo(BigDecimal.ONE) == 0) {
            return value(a, unit, exact);
        }
        if (terminates(b)) {
            // b = ±2^i·5^j·10^k (most unit factors, 5, 8, 0.25…): the exact quotient exists and is much cheaper
            return value(a.divide(b), unit, exact);
        }
        BigDecimal q = a.divide(b, work);
        boolean terminates = q.precision() < work.getPrecision() || q.multiply(b).compareTo(a) == 0;
        return value(q, unit, exact && terminates);
    }

    /** Whether every quotient by {@code b} terminates: b's digits are 2^i·5^j (checked for up to 18 digits). */
    private static boolean terminates(BigDecimal b) {
        if (b.precision() > 18) {
            return false;
        }
        long u = Math.abs(b.unscaledValue().longValue());
        u >>= Long.numberOfTrailingZeros(u);
        while (u % 5 == 0) {
            u /= 5;
        }
        return u == 1;
    }

    Value add(Value a, Value b, boolean subtract, int column) {
        String verb = subtract ? "subtract " : "add ";
        if (a.plain() != b.plain() || !a.unit().dimension().equals(b.unit().dimension())) {
            throw units(column, "cannot " + verb + b.describe() + (subtract ? " from " : " to ") + a.describe());
        }
        // the right-hand side in the left's unit; a temperature on the right counts as a difference
        Value r = b.unit().equals(a.unit()) ? b : linear(b, a.unit(), column);
        BigDecimal n = subtract ? a.number().subtract(r.number()) : a.number().add(r.number());
        return value(n, a.unit(), a.exact() && r.exact());
    }

    Value multiply(Value a, Value b, int column) {
        BigDecimal n = a.number().multiply(b.number());
        boolean exact = a.exact() && b.exact();
        if (a.plain() || b.plain()) {
            return value(n, a.plain() ? b.unit() : a.unit(), exact);
        }
        return simplify(n, a.unit().times(b.unit()), exact, column);
    }

    Value divide(Value a, Value b, int column) {
        if (b.number().signum() == 0) {
            throw math(column, "division by zero");
        }
        CompoundUnit unit = a.unit().times(b.unit().pow(-1));
        Value q = quotient(a.number(), b.number(), unit, a.exact() && b.exact(), column);
        if (a.plain() || b.plain()) {
            return q;
        }
        return simplify(q.number(), unit, q.exact(), column);
    }

    /**
     * The unit of a product or quotient of two quantities. Units of the same dimension merge into the first one
     * ({@code km/h * min = km}); a dimensionless result becomes a plain number; a result whose units still mix
     * ({@code g/cm^3 * L}) is shown in the named unit it equals ({@code kW·h = kWh}) or in SI ({@code kg}); a product
     * of coherent SI units takes the named SI unit of its dimension ({@code kg·m/s^2 = N}).
     */
    Value simplify(BigDecimal number, CompoundUnit merged, boolean exact, int column) {
        CompoundUnit unified = unify(merged);
        if (!unified.isNone() && !unified.clean()) {
            // mph·h: spell out named compounds (mph = mi/h) so that their parts can cancel
            CompoundUnit expanded = unify(expand(unified));
            if (expanded.isNone() || expanded.clean()) {
                unified = expanded;
            }
        }
        Value v = linear(value(number, merged, exact), unified, column);
        if (unified.isNone()) {
            return v;
        }
        if (unified.clean()) {
            // kg·m/s^2 is N: coherent SI products take the named SI unit of their dimension
            CompoundUnit named = Units.preferred(unified.dimension());
            boolean coherent = unified.num().compareTo(unified.den()) == 0 && named.num().compareTo(named.den()) == 0;
            return coherent && unified.terms().size() > 1 && named.terms().size() == 1 ? linear(v, named, column) : v;
        }
        UnitDef atomic = Units.atomicFor(unified);
        CompoundUnit target = atomic != null ? CompoundUnit.of(atomic, 1) : Units.preferred(unified.dimension());
        return linear(v, target, column);
    }

    private static CompoundUnit expand(CompoundUnit unit) {
        CompoundUnit out = CompoundUnit.NONE;
        for (CompoundUnit.Term t : unit.terms()) {
            if (t.unit().expansion().isEmpty()) {
                out = out.times(CompoundUnit.of(t.unit(), t.exponent()));
            } else {
                for (UnitDef.Part p : t.unit().expansion()) {
                    out = out.times(CompoundUnit.of(Units.symbol(p.symbol()), p.exponent() * t.exponent()));
                }
            }
        }
        return out;
    }

    private static CompoundUnit unify(CompoundUnit unit) {
        CompoundUnit out = CompoundUnit.NONE;
        for (CompoundUnit.Term t : unit.terms()) {
            UnitDef into = t.unit();
            for (CompoundUnit.Term o : out.terms()) {
                if (o.unit().dimension().equals(t.unit().dimension())) {
                    into = o.unit();
                    break;
                }
            }
            out = out.times(CompoundUnit.of(into, t.exponent()));
        }
        return out;
    }

    /** Converts by the factor alone (no temperature offsets). */
    Value linear(Value v, CompoundUnit to, int column) {
        if (v.unit().equals(to)) {
            return v;
        }
        CompoundUnit from = v.unit();
        BigDecimal n = v.number().multiply(from.num()).multiply(to.den());
        BigDecimal d = from.den().multiply(to.num());
        return quotient(n, d, to, v.exact() && from.exact() && to.exact(), column);
    }

    /** {@code value in unit}: same dimension required; °C/°F/K convert with their offsets. */
    Value convert(Value v, CompoundUnit to, int column) {
        if (v.plain()) {
            throw units(column, "cannot convert a plain number to " + to.dimension().describe() + " (" + to.symbol()
                    + "); give the number a unit first, e.g. '5 km in m'");
        }
        if (!v.unit().dimension().equals(to.dimension())) {
            throw units(column, "cannot convert " + v.describe() + " to " + to.dimension().describe() + " ("
                    + to.symbol() + ")");
        }
        UnitDef fromT = v.unit().temperature();
        UnitDef toT = to.temperature();
        if (fromT != null && toT != null && (fromT.affine() || toT.affine())) {
            // kelvin = (x + offset) * num / den, then back out through the target's definition
            BigDecimal n = v.number().add(fromT.offset()).multiply(fromT.num()).multiply(toT.den());
            BigDecimal d = fromT.den().multiply(toT.num());
            Value k = quotient(n, d, to, v.exact(), column);
            return value(k.number().subtract(toT.offset()), to, k.exact());
        }
        return linear(v, to, column);
    }

    /** The value in coherent SI units, temperatures absolute; for comparisons. */
    BigDecimal absolute(Value v) {
        CompoundUnit u = v.unit();
        BigDecimal x = v.number();
        UnitDef affine = u.affine();
        if (affine != null) {
            x = x.add(affine.offset());
        }
        return x.multiply(u.num()).divide(u.den(), work);
    }

    Value power(Value base, Value exponent, int column) {
        tick();
        requirePlain(exponent, "an exponent", column);
        BigDecimal x = base.number();
        BigDecimal y = exponent.number();
        if (Decimals.isInteger(y)) {
            if (y.abs().compareTo(BigDecimal.valueOf(limits.maxExponent())) > 0) {
                throw CalcException.limit("At column " + column + ": the exponent " + Decimals.format(y)
                        + " is too large (|exponent| ≤ " + limits.maxExponent() + ")");
            }
            int n = y.intValueExact();
            if (!base.plain() && base.unit().affine() != null && n != 1) {
                throw units(column, "cannot raise a temperature in " + base.unit().symbol()
                        + " to a power; convert it to K first");
            }
            CompoundUnit unit = base.unit().pow(n);
            if (x.signum() == 0) {
                if (n < 0) {
                    throw math(column, "division by zero (0 raised to a negative power)");
                }
                return value(n == 0 ? BigDecimal.ONE : BigDecimal.ZERO, unit, base.exact());
            }
            checkMagnitude(Decimals.log10(x) * n, column);
            int m = Math.abs(n);
            BigDecimal p;
            boolean exact = base.exact();
            BigDecimal unscaled = new BigDecimal(x.stripTrailingZeros().unscaledValue());
            if (Decimals.log10(unscaled) * m + 1 <= limits.maxDigits()) {
                p = x.pow(m);
            } else {
                p = x.pow(m, work);
                exact = false;
            }
            return n >= 0 ? value(p, unit, exact) : quotient(BigDecimal.ONE, p, unit, exact, column);
        }
        if (!base.plain()) {
            throw units(column, "a quantity with a unit (" + base.unit().symbol()
                    + ") can only be raised to a whole-number power; use sqrt or cbrt for roots");
        }
        if (x.signum() < 0) {
            throw math(column, "a negative number cannot be raised to the non-integer power " + Decimals.format(y));
        }
        if (x.signum() == 0) {
            if (y.signum() < 0) {
                throw math(column, "division by zero (0 raised to a negative power)");
            }
            return value(BigDecimal.ZERO, CompoundUnit.NONE, base.exact() && exponent.exact());
        }
        checkMagnitude(Decimals.log10(x) * y.doubleValue(), column);
        // x^y = e^(y·ln x) with this class's ln, which is fast at every magnitude (big-math's pow of 1e-10000 is not);
        // y·ln x is at most ~23026 by the check above, so five extra digits keep the exponent's absolute error small
        MathContext wide = new MathContext(work.getPrecision() + 5, RoundingMode.HALF_EVEN);
        return value(BigDecimalMath.exp(y.multiply(ln(x), wide), work), CompoundUnit.NONE, false);
    }

    Value factorial(Value v, int column) {
        tick();
        requirePlain(v, "a factorial", column);
        BigDecimal x = v.number();
        if (!Decimals.isInteger(x) || x.signum() < 0) {
            throw math(column, "the factorial needs a non-negative whole number, not " + Decimals.format(x));
        }
        if (x.compareTo(BigDecimal.valueOf(limits.maxFactorial())) > 0) {
            throw CalcException.limit("At column " + column + ": " + Decimals.format(x) + "! is too large (n! for n ≤ "
                    + limits.maxFactorial() + ")");
        }
        int n = x.intValueExact();
        BigInteger f = BigInteger.ONE;
        for (int k = 2; k <= n; k++) {
            f = f.multiply(BigInteger.valueOf(k));
            if ((k & 63) == 0) {
                tick();
            }
        }
        return value(new BigDecimal(f), CompoundUnit.NONE, v.exact());
    }

    /** Refuses a result whose decimal exponent (estimated as log10) would be out of range, before computing it. */
    void checkMagnitude(double log10, int column) {
        if (!(Math.abs(log10) <= limits.maxMagnitude())) {
            throw CalcException.limit("At column " + column + ": the result would be about 10^"
                    + (Double.isFinite(log10) ? String.valueOf(Math.round(log10)) : "∞") + " (the limit is 10^±"
                    + limits.maxMagnitude() + ")");
        }
    }

    void requirePlain(Value v, String what, int column) {
        if (!v.plain()) {
            throw units(column, what + " must be a plain number, not " + v.describe());
        }
    }

    static CalcException math(int column, String message) {
        return CalcException.math(column > 0 ? "At column " + column + ": " + message : message);
    }

    static CalcException units(int column, String message) {
        return CalcException.units(column > 0 ? "At column " + column + ": " + message : message);
    }
}
