package io.groundgate.tools.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalculatorFunctionsTest {

    static final Calculator CALC = CalculatorArithmeticTest.CALC;

    static String eval(String expression) {
        return CALC.evaluate(expression).text();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "sqrt(16) | 4",
            "sqrt(2.25) | 1.5",
            "sqrt(2) | 1.414213562373095048801688724209698",
            "sqrt(0) | 0",
            "cbrt(27) | 3",
            "cbrt(-8) | -2",
            "cbrt(2) | 1.259921049894873164767210607278228",
            "exp(0) | 1",
            "exp(1) | 2.718281828459045235360287471352662",
            "ln(1) | 0",
            "ln(e) | 1",
            "ln(10) | 2.302585092994045684017991454684364",
            "log10(1000) | 3",
            "log10(0.001) | -3",
            "log10(2) | 0.301029995663981195213738894724493",
            "log(100) | 2",
            "log(8, 2) | 3",
            "log(81, 3) | 4",
            "log(0.125, 2) | -3",
            "log(10, 4) | 1.660964047443681173935159714744695",
            "log2(1024) | 10",
            "2 ^ 0.5 | 1.414213562373095048801688724209698",
            "4 ^ 0.5 | 2",
            "8 ^ (1/3) | 2",
            "abs(-3.5) | 3.5",
            "abs(2) | 2",
            "round(2.345, 2) | 2.35",
            "round(2.5) | 3",
            "round(-2.5) | -3",
            "round(1234.5, -2) | 1200",
            "floor(2.7) | 2",
            "floor(-2.5) | -3",
            "ceil(2.1) | 3",
            "ceil(-2.1) | -2",
            "min(3, 1, 2) | 1",
            "max(3, 1, 2) | 3",
            "max(7) | 7",
            "min(-1, -5) | -5",
    })
    void functions(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "sin(0) | 0",
            "sin(pi / 6) | 0.5",
            "sin(pi) | 0",
            "cos(pi) | -1",
            "cos(0) | 1",
            "cos(pi / 2) | 0",
            "tan(pi / 4) | 1",
            "sin(1) | 0.841470984807896506652502321630299",
            "asin(1) | 1.570796326794896619231321691639751",
            "acos(1) | 0",
            "atan(1) | 0.7853981633974483096156608458198757",
            "atan2(1, 1) | 0.7853981633974483096156608458198757",
            "sin(30°) | 0.5",
            "sin(30 deg) | 0.5",
            "sin(30 degrees) | 0.5",
            "cos(60°) | 0.5",
            "sin(90°) | 1",
            "sin(180°) | 0",
            "cos(90°) | 0",
            "tan(45°) | 1",
            "tan(135°) | -1",
            "sin(-30°) | -0.5",
            "sin(390°) | 0.5",
            "sin(45°) | 0.707106781186547524400844362104849",
            "sind(30) | 0.5",
            "cosd(60) | 0.5",
            "tand(45) | 1",
            "sind(45) | 0.707106781186547524400844362104849",
            "asind(0.5) | 30",
            "acosd(0.5) | 60",
            "acosd(-1) | 180",
            "atand(1) | 45",
            "asind(0.7071067811865475244008443621048490) | 45",
            "sin((pi / 2) rad) | 1",
    })
    void trigonometry(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @Test
    void exactSpecialAnglesAreMarkedExact() {
        assertThat(CALC.evaluate("sin(30°)").exact()).isTrue();
        assertThat(CALC.evaluate("sind(45)").exact()).isFalse();
    }

    @Test
    void functionsKeepUnits() {
        assertThat(eval("abs(-3 m)")).isEqualTo("3 m");
        assertThat(eval("round(2.345 kg, 1)")).isEqualTo("2.3 kg");
        assertThat(eval("floor(2.7 h)")).isEqualTo("2 h");
        assertThat(eval("max(1 km, 500 m)")).isEqualTo("1 km");
        assertThat(eval("min(1 km, 500 m)")).isEqualTo("500 m");
        assertThat(eval("max(0 °C, 250 K)")).isEqualTo("0 °C");
        assertThat(eval("sqrt(9 m^2)")).isEqualTo("3 m");
        assertThat(eval("sqrt(1 ha)")).isEqualTo("100 m");
        assertThat(eval("cbrt(8 cm^3)")).isEqualTo("2 cm");
        assertThat(eval("sqrt(16 m^2/s^2)")).isEqualTo("4 m/s");
    }
}
