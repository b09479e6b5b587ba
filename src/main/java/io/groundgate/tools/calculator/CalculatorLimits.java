package io.groundgate.tools.calculator;

import java.time.Duration;

/**
 * The bounds every evaluation stays within. See {@code groundgate.tools.calculator.*} for what each one means.
 *
 * @param maxLength longest expression accepted, in characters
 * @param maxDepth deepest nesting of parentheses, calls, signs and powers
 * @param maxExponent largest |n| in an integer power x^n
 * @param maxFactorial largest n in n!
 * @param maxDigits most significant digits kept exactly; longer results are rounded to {@code precision}
 * @param maxMagnitude largest |decimal exponent| of any value (1e10000 passes, 1e10001 does not)
 * @param precision significant digits of rounded results (division, roots, logarithms, trigonometry)
 * @param timeBudget longest an evaluation may take, checked as it goes
 */
public record CalculatorLimits(int maxLength, int maxDepth, int maxExponent, int maxFactorial, int maxDigits,
        int maxMagnitude, int precision, Duration timeBudget) {

    public CalculatorLimits {
        if (maxLength < 1 || maxDepth < 1 || maxExponent < 1 || maxFactorial < 1 || maxMagnitude < 1) {
            throw new IllegalArgumentException("calculator limits must be positive");
        }
        if (precision < 16 || precision > 1000) {
            throw new IllegalArgumentException("calculator precision must be between 16 and 1000 digits");
        }
        if (maxDigits < precision) {
            throw new IllegalArgumentException("calculator max-digits must be at least the precision");
        }
        if (timeBudget == null || timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("calculator time budget must be positive");
        }
    }

    /** The defaults: 1000 characters, depth 100, |exponent| ≤ 10000, 1000!, 3000 digits, 10^±10000, 34 digits, 100 ms. */
    public static CalculatorLimits defaults() {
        return new CalculatorLimits(1000, 100, 10_000, 1000, 3000, 10_000, 34, Duration.ofMillis(100));
    }
}
