/**
 * The {@code calculator} tool: a hand-written, bounded expression language over exact decimals with units of measure.
 * Entry point: {@link io.groundgate.tools.calculator.Calculator#evaluate(String)}.
 *
 * <h2>Numbers</h2>
 * Decimal literals ({@code 12}, {@code 0.5}, {@code .5}), scientific notation ({@code 6.022e23}, {@code 1.5E-3}), and
 * digit grouping: {@code 1_234_567} and {@code 1 234 567} anywhere, {@code 1,234,567} anywhere except directly inside a
 * function call's argument list, where a comma always separates arguments ({@code max(1,234)} is max of 1 and 234;
 * write {@code max(1_234, 5)}). A group separator follows 1–3 leading digits and is followed by exactly three digits.
 * Constants: {@code pi} / {@code π}, {@code e}, {@code tau}.
 *
 * <h2>Operators, loosest first</h2>
 * <ol>
 * <li>{@code in} / {@code to}: unit conversion ({@code 5 km in m})</li>
 * <li>{@code + -}, left-associative</li>
 * <li>{@code * / × ÷ ·} and {@code x} between operands ({@code 3 x 4}, {@code 3x4}), left-associative</li>
 * <li>unary {@code -} and {@code +} ({@code -2^2 = -4})</li>
 * <li>a unit after a number or a parenthesis ({@code 5 km}, {@code (2 + 3) kg}, {@code 2^3 m} = 8 m)</li>
 * <li>{@code ^} and {@code **}, right-associative ({@code 2^3^2 = 512}, {@code 2^-1 = 0.5})</li>
 * <li>postfix {@code !} (factorial), {@code %} (percent), superscripts ({@code 3²})</li>
 * </ol>
 * There is no implicit multiplication ({@code 2pi} is a parse error: write {@code 2 * pi}) and no modulo.
 *
 * <h2>Percentages</h2>
 * {@code 15%} is 0.15; {@code 15% of 80} is 12 and binds tighter than {@code *} ({@code 2 * 15% of 80 = 24});
 * {@code 80 * 15%} is 12; {@code a + p%} and {@code a - p%} mean a × (1 ± p/100) ({@code 200 + 10% = 220},
 * {@code 200 kg - 10% = 180 kg}) unless {@code a} is itself a percentage ({@code 10% + 5% = 0.15}).
 *
 * <h2>Functions</h2>
 * {@code sqrt cbrt exp ln log10 log2}, {@code log(x)} = log10, {@code log(x, base)}, {@code sin cos tan asin acos atan
 * atan2} in radians, or on an angle with a unit ({@code sin(30°)}, {@code sin(30 deg)}); {@code sind cosd tand asind
 * acosd atand} take or return degrees; {@code abs}, {@code round(x)} and {@code round(x, digits)} (half away from zero;
 * negative digits round to tens, hundreds…), {@code floor}, {@code ceil}, variadic {@code min} and {@code max} (units of
 * one kind compared by value; the winner keeps its own unit). Multiples of 30° and 45° give exact trigonometric results;
 * {@code tan(90°)} is a math error.
 *
 * <h2>Exactness</h2>
 * + − × and integer powers are exact while a result has at most {@code max-digits} (3000) significant digits
 * ({@code 0.1 + 0.2 = 0.3}, {@code 100!} has all 158 digits). A division is exact when it terminates. Non-terminating
 * division, roots, logarithms, trigonometry and π are computed with {@code precision + 10} digits and the result rounded
 * to {@code precision} (34) significant digits, so {@code 1/3*3 = 1}; the result says {@code exact: false}.
 * Values print in plain notation without trailing zeros, or in scientific notation with every significant digit when
 * plain notation would need more than 15 padding zeros or the value is below 1e-10 ({@code 6.022E+23}).
 *
 * <h2>Units</h2>
 * A unit follows a number: {@code 5 km}, {@code 19.3 g/cm^3}, {@code 9.81 m/s^2}, {@code 4.184 J/(g·K)}, {@code m²}.
 * Known units (with their aliases): length m km cm mm µm (um) nm mi yd ft in (inch) nmi; area ha acre (and powers of
 * lengths: m^2, km^2); volume L (l) mL (ml) gal (US) qt pt (and m^3, cm^3); mass kg g mg µg t (tonne) lb oz; time s ms
 * min h day week yr (Julian, 365.25 days); speed kph mph knot (and km/h, m/s); energy J kJ MJ Wh kWh cal kcal eV; power
 * W kW MW; force N kN; pressure Pa hPa kPa MPa bar mbar atm psi mmHg Torr; frequency Hz; amount mol mmol; temperature K
 * °C (degC, ℃) °F (degF, ℉); angle rad deg (°). Factors are exact decimals or exact ratios (km/h = 1000/3600 m/s), so
 * {@code 19.3 g/cm^3 * 2 L in kg} is exactly 38.6 kg. {@code in} right after a number means inches when no unit follows
 * ({@code 12 in}, {@code 5 in in cm}); otherwise it converts; {@code inch} is always unambiguous.
 * <p>
 * Result units: a sum or difference takes the left operand's unit ({@code 5 km + 300 m = 5.3 km}); a number times a
 * quantity keeps the quantity's unit; in a product or quotient of two quantities, units of the same dimension merge
 * into the first ({@code 60 km/h * 30 min = 30 km}, {@code 60 mph * 2 h = 120 mi}), a dimensionless result is a plain
 * number ({@code 1 km / 1 m = 1000}), and a result whose units still mix is shown in the named unit it equals
 * ({@code 5 kW * 2 h = 10 kWh}) or else in SI ({@code 19.3 g/cm^3 * 2 L = 38.6 kg}); products of coherent SI units take
 * the named SI unit ({@code 10 m/s^2 * 2 kg = 20 N}). Adding quantities of different dimensions fails with
 * {@code incompatible_units}, naming both ({@code 3 kg + 2 m}).
 * <p>
 * Temperatures: conversion between K, °C and °F applies the offsets ({@code 100 °C in K = 373.15 K},
 * {@code 20 °C in °F = 68 °F}). In {@code +} and {@code -} the right-hand temperature counts as a difference
 * ({@code 20 °C + 10 K = 30 °C}, {@code 10 °C + 5 °C = 15 °C}); a difference of two temperatures stays in their unit, so
 * convert differences with care. Inside compound units (J/°C) degrees are intervals.
 *
 * <h2>Errors and limits</h2>
 * {@code parse_error} (1-based column and what was expected), {@code math_error} (division by zero, root of a negative,
 * logarithm of a non-positive number, tan(90°), asin(2), non-integer factorial, …), {@code incompatible_units},
 * {@code limit_exceeded}: expression length, nesting depth, |exponent| of integer powers, n of n!, digits in a literal,
 * magnitude of any value (10^±10000) and the time budget, all under {@code groundgate.tools.calculator.*}. Work that
 * would break a limit is refused before it is done ({@code 10^10^10}, {@code 9999999!}, {@code exp(100000)}). Unit
 * exponents, written or computed, stay within ±99 ({@code 1 mm^4294967298} and {@code (1 m^99)^2} are limit_exceeded,
 * never wrapped around). Logarithms, roots, powers and arc tangents reduce their argument's decimal exponent first, so
 * they cost the same at 10^-10000 as at 1.
 */
package io.groundgate.tools.calculator;
