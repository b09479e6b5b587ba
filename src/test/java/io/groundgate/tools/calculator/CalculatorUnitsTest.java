package io.groundgate.tools.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalculatorUnitsTest {

    static final Calculator CALC = CalculatorArithmeticTest.CALC;

    static String eval(String expression) {
        return CALC.evaluate(expression).text();
    }

    @Test
    void densityTimesVolumeIsAnExactMass() {
        CalcValue v = CALC.evaluate("19.3 g/cm^3 * 2 L in kg");
        assertThat(v.value()).isEqualByComparingTo(new BigDecimal("38.6"));
        assertThat(v.value().toPlainString()).isEqualTo("38.6");
        assertThat(v.unit()).isEqualTo("kg");
        assertThat(v.text()).isEqualTo("38.6 kg");
        assertThat(v.exact()).isTrue();
    }

    @Test
    void namesTheKindOfQuantityAUnitMeasures() {
        assertThat(CALC.quantity("kg")).contains("mass");
        assertThat(CALC.quantity("g/cm^3")).contains("density");
        assertThat(CALC.quantity("litres")).contains("volume");
        assertThat(CALC.quantity("km^2")).contains("area");
        assertThat(CALC.quantity("L*K")).isEmpty(); // a product with no name
        assertThat(CALC.quantity("no such unit")).isEmpty();
        assertThat(CALC.quantity(null)).isEmpty();
        assertThat(Calculator.quantities()).contains("mass", "volume", "density").doesNotContain("dimensionless");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "5 km in m | 5000 m",
            "5 km to m | 5000 m",
            "1 mi in km | 1.609344 km",
            "1 yd in ft | 3 ft",
            "1 ft in in | 12 in",
            "12 in | 12 in",
            "12 inch in cm | 30.48 cm",
            "5 in in cm | 12.7 cm",
            "12 in to cm | 30.48 cm",
            "1 µm in nm | 1000 nm",
            "1 um in nm | 1000 nm",
            "1 μm in mm | 0.001 mm",
            "1 km^2 in m^2 | 1000000 m^2",
            "1 km² in ha | 100 ha",
            "1 acre in m^2 | 4046.8564224 m^2",
            "1 m^3 in L | 1000 L",
            "1 L in mL | 1000 mL",
            "1 l in ml | 1000 mL",
            "1 cm^3 in mL | 1 mL",
            "1 gal in L | 3.785411784 L",
            "1 gal in qt | 4 qt",
            "1 qt in pt | 2 pt",
            "1 t in kg | 1000 kg",
            "1 kg in g | 1000 g",
            "500 mg in g | 0.5 g",
            "1 lb in kg | 0.45359237 kg",
            "16 oz in lb | 1 lb",
            "1 g/cm^3 in kg/m^3 | 1000 kg/m^3",
            "1 g/mL in g/L | 1000 g/L",
            "1 day in h | 24 h",
            "1 week in day | 7 day",
            "90 min in h | 1.5 h",
            "1 yr in day | 365.25 day",
            "36 km/h in m/s | 10 m/s",
            "10 m/s in km/h | 36 km/h",
            "60 mph in km/h | 96.56064 km/h",
            "1 knot in km/h | 1.852 km/h",
            "1 kWh in kJ | 3600 kJ",
            "1 kcal in kJ | 4.184 kJ",
            "1 cal in J | 4.184 J",
            "1 eV in J | 1.602176634E-19 J",
            "1 atm in Pa | 101325 Pa",
            "1 bar in kPa | 100 kPa",
            "1 atm in bar | 1.01325 bar",
            "180 deg in rad | 3.141592653589793238462643383279503 rad",
            "km in m | 1000 m",
            "mi in km | 1.609344 km",
            "1 h in s | 3600 s",
    })
    void conversions(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "100 °C in K | 373.15 K",
            "0 °C in K | 273.15 K",
            "0 K in °C | -273.15 °C",
            "20 °C in °F | 68 °F",
            "-40 °C in °F | -40 °F",
            "98.6 °F in °C | 37 °C",
            "32 degF in degC | 0 °C",
            "212 °F in K | 373.15 K",
            "300 K in °F | 80.33 °F",
            "20 ℃ in ℉ | 68 °F",
            "100 celsius in fahrenheit | 212 °F",
            "-5 °C in K | 268.15 K",
            "10 °C + 5 °C | 15 °C",
            "20 °C + 10 K | 30 °C",
            "20 °C - 5 °C | 15 °C",
            "300 K + 10 °C | 310 K",
    })
    void temperatures(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "5 km + 300 m | 5.3 km",
            "300 m + 5 km | 5300 m",
            "1 h - 30 min | 0.5 h",
            "2 * 3 kg | 6 kg",
            "3 kg * 2 | 6 kg",
            "6 kg / 2 | 3 kg",
            "1 / 4 s | 0.25 s^-1",
            "2 m * 3 m | 6 m^2",
            "(2 m)^2 | 4 m^2",
            "(10 cm)^3 in L | 1 L",
            "2 m * 3 ft | 1.8288 m^2",
            "100 km / 2 h | 50 km/h",
            "60 km/h * 30 min | 30 km",
            "60 mph * 2 h | 120 mi",
            "1 km / 1 m | 1000",
            "1 mi / 1 km | 1.609344",
            "5 kW * 2 h | 10 kWh",
            "1 kWh / 1 h | 1 kW",
            "1 kWh / 1 s | 3600 kW",
            "19.3 g/cm^3 * 2 L | 38.6 kg",
            "100 g / 2 L | 50 g/L",
            "10 m/s^2 * 2 kg | 20 N",
            "4.184 J/(g·K) * 100 g * 10 K | 4184 J",
            "6 m / 2 s | 3 m/s",
            "1 m²  | 1 m^2",
            "(2 + 3) kg | 5 kg",
            "200 kg + 10% | 220 kg",
            "200 kg - 10% | 180 kg",
            "2^3 m | 8 m",
            "10^3 g in kg | 1 kg",
            "15% of 80 kg | 12 kg",
            "3 km * 2 km | 6 km^2",
            "10 kg / 2 kg | 5",
    })
    void arithmeticWithUnits(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @Test
    void resultsCarryTheUnitSymbolSeparately() {
        CalcValue v = CALC.evaluate("100 km / 2 h");
        assertThat(v.unit()).isEqualTo("km/h");
        assertThat(v.value()).isEqualByComparingTo("50");
    }

    @ParameterizedTest(name = "{0} fails: {1}")
    @CsvSource(delimiter = '|', value = {
            "3 kg + 2 m | mass (kg)| length (m)",
            "5 km + 3 | length (km)| a plain number",
            "3 kg in m | mass (kg)| length (m)",
            "5 in km | a plain number| length (km)",
            "1 L in kg/m^3 | volume (L)| density (kg/m^3)",
            "2 ^ (3 m) | exponent| length (m)",
            "exp(2 m) | exp| length (m)",
            "sin(2 kg) | sin| mass (kg)",
            "(2 m)! | factorial| length (m)",
            "max(1 km, 2 kg) | length (km)| mass (kg)",
            "sqrt(8 m^3) | sqrt| volume (m^3)",
            "(5 km) m | already has a unit| m",
            "(2 m)^0.5 | whole-number power| m",
    })
    void incompatibleUnitsNameBothSides(String expression, String first, String second) {
        CalcException e = catchThrowableOfType(() -> CALC.evaluate(expression), CalcException.class);
        assertThat(e.code()).isEqualTo(CalcException.INCOMPATIBLE_UNITS);
        assertThat(e.getMessage()).contains(first.trim(), second.trim());
    }

    @Test
    void incompatibleAdditionNamesColumnOfTheOperator() {
        CalcException e = catchThrowableOfType(() -> CALC.evaluate("3 kg + 2 m"), CalcException.class);
        assertThat(e.getMessage()).isEqualTo("At column 6: cannot add length (m) to mass (kg)");
    }

    @Test
    void unitTableConversionsAreExactExceptForPi() {
        for (UnitDef def : Units.all().values()) {
            assertThat(def.exact()).as(def.symbol()).isEqualTo(!def.symbol().equals("deg"));
        }
    }
}
