package io.groundgate.tools.calculator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A safe, bounded calculator over exact decimals with units. Thread-safe; one instance serves everyone.
 *
 * <pre>
 * Calculator calc = new Calculator(CalculatorLimits.defaults());
 * calc.evaluate("19.3 g/cm^3 * 2 L in kg");   // 38.6 kg, exact
 * calc.evaluate("0.1 + 0.2");                 // 0.3, exact
 * calc.evaluate("15% of 80");                 // 12
 * </pre>
 *
 * Every failure is a {@link CalcException} with a stable code; nothing else escapes for any input.
 */
public final class Calculator {

    private final CalculatorLimits limits;
    private final MathContext output;
    private final Eval.Constants constants;

    public Calculator(CalculatorLimits limits) {
        this.limits = limits;
        this.output = new MathContext(limits.precision(), RoundingMode.HALF_EVEN);
        this.constants = Eval.Constants.of(limits);
        warmUp();
    }

    /**
     * Loads the unit table, the functions and big-math now, so that the first real call is not charged for class
     * loading against its time budget (which it could otherwise exceed on a cold JVM).
     */
    private void warmUp() {
        try {
            evaluate("sqrt(2) * 2^0.5 + ln(3) + sin(1) + 1 km / 1 h in m/s + 15% of 80", Duration.ofMinutes(1), false);
        } catch (CalcException tooSmallLimits) {
            // limits configured below this expression: the first real call warms up instead
        }
    }

    public CalculatorLimits limits() {
        return limits;
    }

    /** Evaluates within the configured time budget. */
    public CalcValue evaluate(String expression) {
        return evaluate(expression, limits.timeBudget());
    }

    /** Evaluates within the smaller of {@code budget} and the configured time budget. */
    public CalcValue evaluate(String expression, Duration budget) {
        return evaluate(expression, budget, true);
    }

    private CalcValue evaluate(String expression, Duration budget, boolean capBudget) {
        long start = System.nanoTime();
        if (expression == null || expression.isBlank()) {
            throw CalcException.parse(1, "the expression is empty; expected a number, a name or '('");
        }
        if (expression.length() > limits.maxLength()) {
            throw CalcException.limit("the expression has " + expression.length() + " characters; at most "
                    + limits.maxLength() + " are accepted");
        }
        Node root = Parser.parse(Lexer.tokenize(expression, limits), limits);
        long budgetNanos = Math.max(0, budget.toNanos());
        if (capBudget) {
            budgetNanos = Math.min(limits.timeBudget().toNanos(), budgetNanos);
        }
        Value v = root.eval(new Eval(limits, constants, start, budgetNanos));
        BigDecimal number = v.exact() ? v.number() : v.number().round(output);
        number = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
        String unit = v.plain() ? null : v.unit().symbol();
        String formatted = Decimals.format(number);
        StringBuilder normalised = new StringBuilder();
        root.print(normalised);
        return new CalcValue(number, unit, unit == null ? formatted : formatted + " " + unit, v.exact(),
                normalised.toString());
    }

    /**
     * The name of the kind of quantity a unit measures ("mass" for {@code kg}, "density" for {@code g/cm^3}), if that
     * kind has a name; empty for a plain number, an unnamed product ({@code L·K}) or text that is no unit.
     */
    public Optional<String> quantity(String unit) {
        if (unit == null || unit.isBlank() || unit.length() > limits.maxLength() - 2) {
            return Optional.empty();
        }
        try {
            Value v = Parser.parse(Lexer.tokenize("1 " + unit, limits), limits)
                    .eval(new Eval(limits, constants, System.nanoTime(), limits.timeBudget().toNanos()));
            return v.plain() ? Optional.empty() : Optional.ofNullable(v.unit().dimension().name());
        } catch (CalcException e) {
            return Optional.empty();
        }
    }

    /** The names of the kinds of quantity the calculator knows ("area", "density", "mass", …), sorted. */
    public static List<String> quantities() {
        return Dimension.names();
    }

    /** Parses and prints the expression as the calculator understands it, without evaluating it. */
    public String normalise(String expression) {
        if (expression == null || expression.length() > limits.maxLength()) {
            return expression;
        }
        StringBuilder out = new StringBuilder();
        Parser.parse(Lexer.tokenize(expression, limits), limits).print(out);
        return out.toString();
    }
}
