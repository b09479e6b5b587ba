package io.groundgate.tools.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalculatorArithmeticTest {

    static final Calculator CALC = new Calculator(CalculatorLimits.defaults());

    static String eval(String expression) {
        return CALC.evaluate(expression).text();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "1 + 2 | 3",
            "7 - 10 | -3",
            "6 * 7 | 42",
            "6 × 7 | 42",
            "6 x 7 | 42",
            "6x7 | 42",
            "(2)x(3) | 6",
            "6 · 7 | 42",
            "7 / 2 | 3.5",
            "7 ÷ 2 | 3.5",
            "2 ^ 10 | 1024",
            "2 ** 10 | 1024",
            "3² | 9",
            "2³ + 1 | 9",
            "-3 | -3",
            "+3 | 3",
            "--3 | 3",
            "2 − 5 | -3",
            "5! | 120",
            "0! | 1",
            "(2 + 3)! | 120",
    })
    void operators(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "2 + 3 * 4 | 14",
            "(2 + 3) * 4 | 20",
            "10 - 4 - 3 | 3",
            "100 / 10 / 5 | 2",
            "2 ^ 3 ^ 2 | 512",
            "(2 ^ 3) ^ 2 | 64",
            "-2 ^ 2 | -4",
            "(-2) ^ 2 | 4",
            "2 ^ -1 | 0.5",
            "2 ^ -2 ^ 2 | 0.0625",
            "2 * 3 ^ 2 | 18",
            "3! ^ 2 | 36",
            "2 ^ 3! | 64",
            "-3! | -6",
            "6 / 2 * 3 | 9",
            "1 - -1 | 2",
            "2 * -3 | -6",
    })
    void precedenceAndAssociativity(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "0.1 + 0.2 | 0.3",
            "0.1 * 3 | 0.3",
            "1.1 * 1.1 | 1.21",
            "1 - 0.9 | 0.1",
            "2.50 * 4 | 10",
            "1 / 4 | 0.25",
            "1 / 3 | 0.3333333333333333333333333333333333",
            "2 / 3 | 0.6666666666666666666666666666666667",
            "1 / 3 * 3 | 1",
            "2 ^ 100 | 1267650600228229401496703205376",
            "123456789012345678901234567890 * 987654321 | 121932631124828532112482853211126352690",
            "0.000001 * 0.000001 | 1E-12",
            "1e15 | 1000000000000000",
            "1e16 | 1E+16",
            "0.0000000001 | 0.0000000001",
            "0.00000000001 | 1E-11",
            "6.022e23 | 6.022E+23",
            "6.022E+23 / 1000 | 6.022E+20",
            "1.5E-3 | 0.0015",
            "2.5e2 | 250",
            ".5 + .25 | 0.75",
            "100 - 99.99 | 0.01",
    })
    void exactDecimals(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @Test
    void exactnessIsReported() {
        assertThat(CALC.evaluate("0.1 + 0.2").exact()).isTrue();
        assertThat(CALC.evaluate("1 / 8").exact()).isTrue();
        assertThat(CALC.evaluate("1 / 3").exact()).isFalse();
        assertThat(CALC.evaluate("sqrt(2)").exact()).isFalse();
        assertThat(CALC.evaluate("sqrt(2.25)").exact()).isTrue();
        assertThat(CALC.evaluate("pi").exact()).isFalse();
    }

    @Test
    void valueIsTheExactBigDecimal() {
        assertThat(CALC.evaluate("0.1 + 0.2").value()).isEqualByComparingTo(new BigDecimal("0.3"));
        assertThat(CALC.evaluate("2 * 0.5").value().toPlainString()).isEqualTo("1");
        assertThat(CALC.evaluate("2 * 0.5").unit()).isNull();
    }

    @Test
    void largeExactResultsKeepEveryDigit() {
        assertThat(CALC.evaluate("25!").value()).isEqualByComparingTo(new BigDecimal("15511210043330985984000000"));
        CalcValue f = CALC.evaluate("100!");
        assertThat(f.exact()).isTrue();
        assertThat(f.value().toBigIntegerExact().toString())
                .startsWith("93326215443944152681699238856266700490715968264381621468592963895217599993229915608941")
                .hasSize(158);
    }

    @Test
    void resultsLongerThanTheDigitLimitAreRounded() {
        CalcValue v = CALC.evaluate("2 ^ 10000");
        assertThat(v.exact()).isFalse();
        assertThat(v.text()).isEqualTo("1.995063116880758384883742162683585E+3010");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "15% | 0.15",
            "15% of 80 | 12",
            "80 * 15% | 12",
            "12.5% of 640 | 80",
            "(10 + 5)% of 200 | 30",
            "200 + 10% | 220",
            "200 - 10% | 180",
            "10% + 5% | 0.15",
            "50% * 50% | 0.25",
            "-20% of 50 | -10",
            "2 * 15% of 80 | 24",
    })
    void percentages(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "'1,234,567.8' | 1234567.8",
            "'1,234 + 1' | 1235",
            "'(1,000)' | 1000",
            "'1 234 567' | 1234567",
            "'1 234 567 + 1' | 1234568",
            "1_234_567 | 1234567",
            "1_0 | 10",
            "'max(1,234)' | 234",
            "'max(1,234,567)' | 567",
            "'max(1_234, 567)' | 1234",
            "'max(1 234, 567)' | 1234",
            "'2 * (1,500)' | 3000",
    })
    void digitGrouping(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "pi | 3.141592653589793238462643383279503",
            "π | 3.141592653589793238462643383279503",
            "e | 2.718281828459045235360287471352662",
            "tau | 6.283185307179586476925286766559006",
            "2 * pi | 6.283185307179586476925286766559006",
    })
    void constants(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} normalises to {1}")
    @CsvSource(delimiter = '|', value = {
            "2+3*4 | 2 + 3 * 4",
            "(2+3)*4 | (2 + 3) * 4",
            "2**-1 | 2^-1",
            "6 ÷ 2 × 3 | 6 / 2 * 3",
            "'1,234,567.8' | 1234567.8",
            "π/2 | pi / 2",
            "19.3 g/cm^3*2 L to kg | 19.3 g/cm^3 * 2 L in kg",
            "sin(30°) | sin(30 deg)",
            "15 % of 80 | 15% of 80",
            "2-(3-4) | 2 - (3 - 4)",
            "(2^3)^2 | (2^3)^2",
            "(-2)^2 | (-2)^2",
            "3² | 3^2",
            "5 km + 300 m in m | 5 km + 300 m in m",
            "max( 1 ,2 ) | max(1, 2)",
            "℃ | °C",
    })
    void normalisedExpression(String expression, String normalised) {
        assertThat(CALC.normalise(expression)).isEqualTo(normalised);
    }

    @Test
    void normalisedExpressionEvaluatesToTheSameValue() {
        for (String e : new String[] { "2 - (3 - 4) * 2^-1", "(2 + 3) km in m", "-(2^2)!", "15% of (80 + 20)",
                "10 m/s^2 * 2 kg", "1 / (2 * 3)", "2^(1 + 1)^2" }) {
            CalcValue v = CALC.evaluate(e);
            assertThat(CALC.evaluate(v.expression()).text()).as(e).isEqualTo(v.text());
        }
    }
}
