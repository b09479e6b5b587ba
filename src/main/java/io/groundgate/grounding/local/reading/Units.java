package io.groundgate.grounding.local.reading;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.groundgate.grounding.local.plan.ArithmeticPhrases;
import io.groundgate.tools.calculator.CalcException;
import io.groundgate.tools.calculator.CalcValue;
import io.groundgate.tools.calculator.Calculator;

/** Which words are units: those the calculator reads as one ("hours", "km", "litres"). */
public final class Units {

    private static final int MAX_CACHED = 5_000;

    private final Calculator calculator;
    private final Lexicon lexicon;
    private final Map<String, Optional<String>> known = new ConcurrentHashMap<>();

    public Units(Calculator calculator, Lexicon lexicon) {
        this.calculator = calculator;
        this.lexicon = lexicon;
    }

    /**
     * The words as a calculator unit, if they are one: a unit word ("hours", "km"), or two words of which the first
     * builds the unit from the second ("square miles" → mi^2, "cubic metres" → metres^3, "degrees Celsius").
     */
    public Optional<String> unit(String words) {
        String[] w = words.strip().split("\\s+");
        if (w.length == 2) {
            String first = w[0].toLowerCase(Locale.ROOT);
            if (lexicon.is(Lexicon.Op.SQUARE, first)) {
                return word(w[1]).map(u -> u + "^2");
            }
            if (lexicon.is(Lexicon.Op.CUBIC, first)) {
                return word(w[1]).map(u -> u + "^3");
            }
            if (lexicon.is(Lexicon.Op.DEGREES, first)) {
                return word(w[1]);
            }
            return Optional.empty();
        }
        return w.length == 1 ? word(w[0]) : Optional.empty();
    }

    private Optional<String> word(String word) {
        if (word == null || word.isBlank() || !Character.isLetter(word.charAt(0)) && word.charAt(0) != '\u00b0') {
            return Optional.empty();
        }
        if (known.size() > MAX_CACHED) {
            known.clear();
        }
        return known.computeIfAbsent(word, w -> {
            try {
                CalcValue v = calculator.evaluate("1 " + w);
                return v.unit() == null || v.unit().isBlank() ? Optional.empty() : Optional.of(w);
            } catch (CalcException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Whether a difference of two amounts in one unit converts to the other by a factor alone: the units measure the
     * same thing and share their zero (kelvin and millikelvin do; kelvin and degrees Celsius do not).
     */
    public boolean linear(String from, String to) {
        try {
            return calculator.evaluate("0 " + from + " to " + to).value().signum() == 0;
        } catch (CalcException e) {
            return false;
        }
    }

    /**
     * The question as arithmetic the calculator reads in full ("What is 15% of 6198?" → {@code 15% of 6198}), with
     * the unit of its result when the expression has none of its own (a percentage change), or empty when it is not
     * arithmetic alone.
     */
    public Optional<Reading.Expression> expression(String question) {
        for (String e : ArithmeticPhrases.candidates(question)) {
            if (e.isBlank()) {
                continue;
            }
            try {
                calculator.evaluate(e);
                return Optional.of(new Reading.Expression(e, ArithmeticPhrases.resultUnit(e)));
            } catch (CalcException ex) {
                // not this reading of the words; try the next
            }
        }
        return Optional.empty();
    }

    /** The kinds of quantity the calculator names ("mass", "volume", "density", …). */
    public List<String> quantities() {
        return Calculator.quantities();
    }

    /**
     * The unit of an amount combined with a value by the operator ("L" times "g/cm^3" is "kg"), when the result is a
     * named kind of quantity other than the amount's and the value's own; empty when the combination means nothing
     * ("L" times "K") or says the same kind again.
     */
    public Optional<Product> product(String amountUnit, String operator, String valueUnit) {
        try {
            String unit = calculator.evaluate("1 " + amountUnit + " " + operator + " (1 " + valueUnit + ")").unit();
            Optional<String> kind = calculator.quantity(unit);
            if (kind.isEmpty() || kind.equals(calculator.quantity(amountUnit)) || kind.equals(calculator.quantity(valueUnit))) {
                return Optional.empty();
            }
            return Optional.of(new Product(unit, kind.get()));
        } catch (CalcException e) {
            return Optional.empty();
        }
    }

    /** The unit of a combination and the kind of quantity it measures ("kg", "mass"). */
    public record Product(String unit, String quantity) {
    }

    /** Whether an amount in one unit converts to the other (same dimension). */
    public boolean convertible(String from, String to) {
        try {
            calculator.evaluate("1 " + from + " to " + to);
            return true;
        } catch (CalcException e) {
            return false;
        }
    }
}
