package io.groundgate.tools.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalculatorErrorsTest {

    static final Calculator CALC = CalculatorArithmeticTest.CALC;

    static CalcException failure(String expression) {
        CalcException e = catchThrowableOfType(() -> CALC.evaluate(expression), CalcException.class);
        assertThat(e).as("'%s' should fail", expression).isNotNull();
        return e;
    }

    static CalcException failure(Calculator calc, String expression) {
        CalcException e = catchThrowableOfType(() -> calc.evaluate(expression), CalcException.class);
        assertThat(e).as("'%s' should fail", expression).isNotNull();
        return e;
    }

    @ParameterizedTest(name = "''{0}'' fails at column {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "(2 + 3 | 7 | expected ')' to close the '(' at column 1",
            "2 + | 4 | expected a number, a name or '('",
            "2 $ 3 | 3 | unexpected character '$'",
            "2 + * 3 | 5 | expected a number, a name or '(', found '*'",
            "foo(2) | 1 | unknown name 'foo'",
            "5 zz | 3 | unknown unit or name 'zz'",
            "2 3 | 3 | expected an operator",
            "1) | 2 | without a matching '('",
            "1,5 | 2 | commas separate function arguments",
            "1234,567 | 5 | commas separate function arguments",
            "sqrt 4 | 6 | expected '(' after the function sqrt",
            "sqrt(1, 2) | 1 | sqrt takes 1 argument, got 2",
            "log() | 1 | log takes 1 or 2 arguments, got 0",
            "max() | 1 | max takes at least 1 argument, got 0",
            "50 of 80 | 4 | 'of' must follow a percentage",
            "5 km in | 8 | expected a unit after 'in'",
            "5 km in 3 | 9 | expected a unit after 'in'",
            "5 m^x | 5 | expected a whole-number unit exponent",
            "5 m^1.5 | 5 | expected a whole-number unit exponent",
            "x | 1 | unknown name 'x'",
            "\"\" | 1 | the expression is empty",
            "max(1, | 7 | expected a number, a name or '('",
            "2 ** | 5 | expected a number, a name or '('",
    })
    void parseErrorsNameTheColumnAndWhatWasExpected(String expression, int column, String message) {
        CalcException e = failure(expression);
        assertThat(e.code()).isEqualTo(CalcException.PARSE_ERROR);
        assertThat(e.column()).isEqualTo(column);
        assertThat(e.getMessage()).startsWith("At column " + column + ": ").contains(message.trim());
    }

    @ParameterizedTest(name = "''{0}'': {1}")
    @CsvSource(delimiter = '|', value = {
            "1 / 0 | division by zero",
            "5 / (2 - 2) | division by zero",
            "1 km / 0 h | division by zero",
            "0 ^ -1 | division by zero",
            "sqrt(-4) | square root of a negative number",
            "ln(0) | logarithm of zero",
            "ln(-1) | logarithm of a negative number",
            "log10(-5) | logarithm",
            "log(8, 1) | base must be positive and not 1",
            "log(8, -2) | base must be positive and not 1",
            "tan(90°) | undefined",
            "tand(270) | undefined",
            "tan(pi / 2) | undefined",
            "asin(2) | defined only from -1 to 1",
            "acosd(-1.5) | defined only from -1 to 1",
            "(-8) ^ 0.5 | negative number cannot be raised",
            "2.5! | non-negative whole number",
            "(-3)! | non-negative whole number",
            "atan2(0, 0) | undefined",
            "round(2.5, 0.5) | whole number",
    })
    void mathErrors(String expression, String message) {
        CalcException e = failure(expression);
        assertThat(e.code()).isEqualTo(CalcException.MATH_ERROR);
        assertThat(e.getMessage()).contains(message.trim());
    }

    @Test
    void divisionByZeroNamesTheOperatorsColumn() {
        assertThat(failure("1 + 1 / 0").getMessage()).isEqualTo("At column 7: division by zero");
    }

    @ParameterizedTest(name = "''{0}'' is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "10^10^10 | exponent 10000000000 is too large",
            "2 ^ 10001 | too large",
            "9999999! | 9999999! is too large",
            "1001! | too large",
            "1e10001 | out of range",
            "1e-10001 | out of range",
            "1e99999999999 | out of range",
            "1e10000 * 10 | out of range",
            "1e-10000 / 10 | out of range",
            "exp(100000) | 10^43429",
            "10 ^ 10000 * 10 ^ 10000 | out of range",
            "(10^9999)^2 | the result would be about 10^19998",
            "9 ^ 0.5 ^ -100000 | ",
            "sin(1e20) | out of range",
    })
    void hostileArithmeticIsRefused(String expression, String message) {
        CalcException e = failure(expression);
        assertThat(e.code()).isEqualTo(CalcException.LIMIT_EXCEEDED);
        if (message != null) {
            assertThat(e.getMessage()).contains(message.trim());
        }
    }

    @Test
    void aMegabyteExpressionIsRefusedBeforeParsing() {
        String huge = "1+".repeat(500_000) + "1";
        CalcException e = failure(huge);
        assertThat(e.code()).isEqualTo(CalcException.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).contains("1000001 characters", "at most 1000");
    }

    @Test
    void deepNestingIsRefused() {
        Calculator roomy = new Calculator(new CalculatorLimits(100_000, 100, 10_000, 1000, 3000, 10_000, 34,
                Duration.ofSeconds(5)));
        String deep = "(".repeat(10_000) + "1" + ")".repeat(10_000);
        CalcException e = failure(roomy, deep);
        assertThat(e.code()).isEqualTo(CalcException.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).contains("nests deeper than 100 levels");
        assertThat(failure("(".repeat(500) + "1" + ")".repeat(500)).code()).isEqualTo(CalcException.LIMIT_EXCEEDED);
        assertThat(failure("-".repeat(200) + "1").code()).isEqualTo(CalcException.LIMIT_EXCEEDED);
        assertThat(failure("2^".repeat(200) + "1").code()).isEqualTo(CalcException.LIMIT_EXCEEDED);
        assertThat(failure("sqrt(".repeat(150) + "1" + ")".repeat(150)).code())
                .isEqualTo(CalcException.LIMIT_EXCEEDED);
    }

    @Test
    void nestingWithinTheLimitIsFine() {
        assertThat(CALC.evaluate("(".repeat(90) + "1" + ")".repeat(90)).text()).isEqualTo("1");
    }

    @Test
    void tooManyDigitsInALiteralAreRefused() {
        Calculator small = new Calculator(new CalculatorLimits(1000, 100, 10_000, 1000, 40, 10_000, 34,
                Duration.ofMillis(100)));
        assertThat(failure(small, "1".repeat(41)).code()).isEqualTo(CalcException.LIMIT_EXCEEDED);
        assertThat(small.evaluate("1".repeat(40)).text()).isEqualTo("1".repeat(40));
    }

    @Test
    void theTimeBudgetIsEnforced() {
        CalcException e = catchThrowableOfType(() -> CALC.evaluate("1000! / 999!", Duration.ofNanos(1)),
                CalcException.class);
        assertThat(e.code()).isEqualTo(CalcException.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).contains("time budget");
    }

    @Test
    void aNullExpressionIsAParseError() {
        assertThat(failure((String) null).code()).isEqualTo(CalcException.PARSE_ERROR);
    }

    @Test
    void factorialAtTheLimitIsComputedExactly() {
        CalcValue v = CALC.evaluate("1000!");
        assertThat(v.exact()).isTrue();
        assertThat(v.value().toBigIntegerExact().toString()).hasSize(2568);
    }
}
