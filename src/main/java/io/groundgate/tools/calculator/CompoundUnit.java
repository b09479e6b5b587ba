package io.groundgate.tools.calculator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A product of named units with integer exponents, such as {@code g·cm^-3}. Terms keep the order they were written in;
 * the same unit written twice merges ({@code km·km = km^2}). The empty product is {@link #NONE}: a plain number.
 */
final class CompoundUnit {

    /** One named unit raised to a non-zero power. */
    record Term(UnitDef unit, int exponent) {
    }

    /** The largest |exponent| of a unit in any value, written or computed ({@code m^99}); bounds the exact factors. */
    static final int MAX_EXPONENT = 99;

    static final CompoundUnit NONE = new CompoundUnit(List.of());

    private final List<Term> terms;
    private final Dimension dimension;
    private final BigDecimal num;
    private final BigDecimal den;
    private final boolean exact;

    private CompoundUnit(List<Term> terms) {
        this.terms = List.copyOf(terms);
        Dimension d = Dimension.NONE;
        BigDecimal n = BigDecimal.ONE;
        BigDecimal q = BigDecimal.ONE;
        boolean x = true;
        for (Term term : this.terms) {
            UnitDef u = term.unit();
            int e = exponent(term.exponent(), u);
            d = d.times(u.dimension().pow(e));
            if (e > 0) {
                n = n.multiply(u.num().pow(e));
                q = q.multiply(u.den().pow(e));
            } else {
                n = n.multiply(u.den().pow(-e));
                q = q.multiply(u.num().pow(-e));
            }
            x &= u.exact();
        }
        this.dimension = d;
        this.num = n;
        this.den = q;
        this.exact = x;
    }

    static CompoundUnit of(UnitDef unit, int exponent) {
        return exponent == 0 ? NONE : new CompoundUnit(List.of(new Term(unit, exponent)));
    }

    List<Term> terms() {
        return terms;
    }

    boolean isNone() {
        return terms.isEmpty();
    }

    Dimension dimension() {
        return dimension;
    }

    /** Numerator of the exact factor to coherent SI units (offsets left out). */
    BigDecimal num() {
        return num;
    }

    BigDecimal den() {
        return den;
    }

    boolean exact() {
        return exact;
    }

    /** The single affine temperature unit (°C, °F) this is, or null. */
    UnitDef affine() {
        return terms.size() == 1 && terms.get(0).exponent() == 1 && terms.get(0).unit().affine() ? terms.get(0).unit()
                : null;
    }

    /** A single temperature unit to the first power (K, °C, °F), or null. */
    UnitDef temperature() {
        return terms.size() == 1 && terms.get(0).exponent() == 1
                && terms.get(0).unit().dimension().equals(Dimension.TEMPERATURE) ? terms.get(0).unit() : null;
    }

    CompoundUnit times(CompoundUnit other) {
        if (other.isNone()) {
            return this;
        }
        if (isNone()) {
            return other;
        }
        List<Term> merged = new ArrayList<>(terms);
        for (Term t : other.terms) {
            int at = indexOf(merged, t.unit());
            if (at < 0) {
                merged.add(t);
            } else {
                int e = exponent((long) merged.get(at).exponent() + t.exponent(), t.unit());
                if (e == 0) {
                    merged.remove(at);
                } else {
                    merged.set(at, new Term(t.unit(), e));
                }
            }
        }
        return new CompoundUnit(merged);
    }

    CompoundUnit pow(int n) {
        if (n == 0) {
            return NONE;
        }
        List<Term> powered = new ArrayList<>(terms.size());
        for (Term t : terms) {
            powered.add(new Term(t.unit(), exponent((long) t.exponent() * n, t.unit())));
        }
        return new CompoundUnit(powered);
    }

    /** A computed exponent, refused before it could wrap around or make the exact factor huge. */
    private static int exponent(long e, UnitDef unit) {
        if (Math.abs(e) > MAX_EXPONENT) {
            throw CalcException.limit("the unit " + unit.symbol() + "^" + e + " is out of range (unit exponents go from -"
                    + MAX_EXPONENT + " to " + MAX_EXPONENT + ")");
        }
        return (int) e;
    }

    /** The n-th root when every exponent divides by n, else null. */
    CompoundUnit root(int n) {
        List<Term> rooted = new ArrayList<>(terms.size());
        for (Term t : terms) {
            if (t.exponent() % n != 0) {
                return null;
            }
            rooted.add(new Term(t.unit(), t.exponent() / n));
        }
        return new CompoundUnit(rooted);
    }

    /**
     * Whether no base dimension comes from two different units. {@code km/h} is clean; {@code g·L/cm^3} is not (length
     * comes from both L and cm), so a product like that is better shown in a single preferred unit.
     */
    boolean clean() {
        for (int base = 0; base < Dimension.BASES; base++) {
            int contributors = 0;
            for (Term t : terms) {
                if (t.unit().dimension().get(base) != 0) {
                    contributors++;
                }
            }
            if (contributors > 1) {
                return false;
            }
        }
        return true;
    }

    /** The symbol: {@code kg}, {@code m^2}, {@code km/h}, {@code g/cm^3}, {@code J/(kg·K)}, {@code s^-1}. */
    String symbol() {
        StringBuilder up = new StringBuilder();
        List<Term> down = new ArrayList<>();
        for (Term t : terms) {
            if (t.exponent() > 0) {
                append(up, t.unit().symbol(), t.exponent());
            } else {
                down.add(t);
            }
        }
        if (up.length() == 0) {
            StringBuilder only = new StringBuilder();
            for (Term t : down) {
                append(only, t.unit().symbol(), t.exponent());
            }
            return only.toString();
        }
        if (down.isEmpty()) {
            return up.toString();
        }
        StringBuilder below = new StringBuilder();
        for (Term t : down) {
            append(below, t.unit().symbol(), -t.exponent());
        }
        return up + "/" + (down.size() > 1 ? "(" + below + ")" : below);
    }

    private static void append(StringBuilder sb, String symbol, int exponent) {
        if (sb.length() > 0) {
            sb.append('·');
        }
        sb.append(symbol);
        if (exponent != 1) {
            sb.append('^').append(exponent);
        }
    }

    private static int indexOf(List<Term> terms, UnitDef unit) {
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i).unit() == unit) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompoundUnit other && terms.equals(other.terms);
    }

    @Override
    public int hashCode() {
        return terms.hashCode();
    }

    @Override
    public String toString() {
        return symbol();
    }
}
