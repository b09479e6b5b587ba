package io.groundgate.tools.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every function with extreme arguments (tiny, huge, negative, near 1, thousands of digits) either answers or is refused
 * with a calculator error — never an internal exception, and never after minutes: each call must end well inside a
 * generous bound (the time budget is 100 ms; the bound only catches the minute-long cases, such as big-math's log of
 * 1e-10000). The slowest calls are printed, as a rough figure on whatever machine runs the test.
 */
class CalculatorExtremesTest {

    static final Calculator CALC = CalculatorArithmeticTest.CALC;

    /** Far above the 100 ms budget, so that a loaded CI machine does not fail it; the bugs took 4 s to a minute. */
    static final long BOUND_MS = 2_000;

    static final List<String> ARGUMENTS = List.of("0", "1", "-1", "1e-10000", "-1e-10000", "1e10000", "-1e10000",
            "3e-9999", "0.99999999999999999999999999999999999999", "1e15", "123456789012345.6789",
            "1." + "3".repeat(2990), "-" + "7".repeat(2500) + ".5", "1e-300", "2e308", "90");

    static final Set<String> CALCULATOR_ERRORS = Set.of(CalcException.LIMIT_EXCEEDED, CalcException.MATH_ERROR,
            CalcException.INCOMPATIBLE_UNITS);

    static final ExecutorService RUNNER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "calculator-extremes");
        t.setDaemon(true);
        return t;
    });

    @AfterAll
    static void stop() {
        RUNNER.shutdownNow();
    }

    @Test
    void everyFunctionAnswersOrRefusesExtremeArgumentsQuickly() throws Exception {
        List<String> expressions = new ArrayList<>();
        for (String fn : new TreeSet<>(Functions.names())) {
            for (String a : ARGUMENTS) {
                if (!fn.equals("atan2")) {
                    expressions.add(fn + "(" + a + ")");
                }
                if (fn.equals("log") || fn.equals("atan2") || fn.equals("round") || fn.equals("min")
                        || fn.equals("max")) {
                    for (String b : ARGUMENTS) {
                        expressions.add(fn + "(" + a + ", " + b + ")");
                    }
                }
            }
        }
        for (String a : ARGUMENTS) {
            for (String b : List.of("0.5", "-0.5", "1e-10000", "0.123456789", "3", "-3", "10000", "-10000", "1e10000")) {
                expressions.add("(" + a + ")^" + b);
            }
            expressions.add("(" + a + ")!");
        }
        List<String> slowest = new ArrayList<>();
        long worst = 0;
        for (String expression : expressions) {
            long start = System.nanoTime();
            Future<String> outcome = RUNNER.submit(() -> outcome(expression));
            String result;
            try {
                result = outcome.get(BOUND_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("'" + expression + "' ran for more than " + BOUND_MS + " ms");
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(result).as(expression).doesNotStartWith("internal:");
            if (ms >= worst) {
                worst = ms;
                slowest.add(0, ms + " ms " + abbreviate(expression));
            }
        }
        System.out.printf("calculator extremes: %d calls, slowest: %s%n", expressions.size(),
                slowest.subList(0, Math.min(5, slowest.size())));
    }

    /** The result text, or the calculator error's code; anything else is reported as internal. */
    private static String outcome(String expression) {
        try {
            return CALC.evaluate(expression).text();
        } catch (CalcException e) {
            return CALCULATOR_ERRORS.contains(e.code()) ? e.code() : "internal: " + e.code() + " " + e.getMessage();
        } catch (RuntimeException e) {
            return "internal: " + e;
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "log2(1e-10000) | -33219.2809488736234787031942948939",
            "ln(1e-10000) | -23025.85092994045684017991454684364",
            "log10(2e-10000) | -9999.698970004336018804786261105276",
            "log(1e-10000, 10) | -10000",
            "(1e-10000)^0.5 | 1E-5000",
            "(3e-10000)^0.5 | 1.732050807568877293527446341505872E-5000",
            "cbrt(1e-9999) | 1E-3333",
            "cbrt(-8e-9000) | -2E-3000",
            "atan(1e10000) | 1.570796326794896619231321691639751",
            "atan(-1e10000) | -1.570796326794896619231321691639751",
            "atan2(1e10000, -1e-10000) | 1.570796326794896619231321691639751",
            "atan2(-1, -1) | -2.356194490192344928846982537459627",
            "atan(1e-10000) | 1E-10000",
            "sin(1e-10000) | 1E-10000",
            "cos(1e-10000) | 1",
            "acos(1e-10000) | 1.570796326794896619231321691639751",
            "ceil(1e10000) | 1E+10000",
            "ln(0.99999999) | -0.00000001000000005000000033333333583333335",
    })
    void extremeArgumentsGiveTheRightValue(String expression, String expected) {
        assertThat(CALC.evaluate(expression).text()).isEqualTo(expected);
    }

    @Test
    void logarithmsAgreeWithTheirDefinitionAtEveryMagnitude() {
        MathContext mc = new MathContext(30);
        for (int k = -10000; k <= 10000; k += 1237) {
            BigDecimal ln = CALC.evaluate("ln(7e" + k + ")").value();
            BigDecimal expected = CALC.evaluate("ln(7)").value()
                    .add(CALC.evaluate("ln(10)").value().multiply(BigDecimal.valueOf(k)));
            assertThat(ln.round(mc)).as("ln(7e%d)", k).isEqualTo(expected.round(mc));
        }
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "1 mm^4294967298 | the unit exponent 4294967298 after 'mm^' is out of range",
            "1 m^2147483648 | the unit exponent 2147483648 after 'm^' is out of range",
            "1 m^100 | the unit exponent 100 after 'm^' is out of range",
            "1 m^-100 | the unit exponent 100 after 'm^' is out of range",
            "(1 m^99)^10000 | the unit m^990000 is out of range",
            "(1 m^2)^2147483647 | is too large",
            "(1 mm^99)^2 | the unit mm^198 is out of range",
            "1 m^99 * 1 m | the unit m^100 is out of range",
            "1 s^-99 / 1 s | the unit s^-100 is out of range",
    })
    void unitExponentsAreBoundedNotWrapped(String expression, String message) {
        CalcException e = CalculatorErrorsTest.failure(expression);
        assertThat(e.code()).isEqualTo(CalcException.LIMIT_EXCEEDED);
        assertThat(e.getMessage()).contains(message.trim());
    }

    @Test
    void theLargestUnitExponentStillWorks() {
        assertThat(CALC.evaluate("1 m^99").text()).isEqualTo("1 m^99");
        assertThat(CALC.evaluate("(1 km^33)^3 in m^99").text()).isEqualTo("1E+297 m^99");
    }
}
