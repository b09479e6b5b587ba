package io.groundgate.kg.profile;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Units written into names: {@code width (mm)}, {@code price [EUR]}, {@code weight_g}, {@code heightInMeters}. Only
 * well-known unit words and symbols count, so an ordinary last word is not taken for a unit.
 */
final class UnitNames {

    private static final Pattern BRACKETED = Pattern.compile(".*[(\\[]\\s*([^()\\[\\]]{1,12})\\s*[)\\]]\\s*$");
    /** Unit words and symbols, mapped to the symbol shown. */
    private static final Map<String, String> UNITS = Map.ofEntries(Map.entry("mm", "mm"), Map.entry("cm", "cm"),
            Map.entry("m", "m"), Map.entry("km", "km"), Map.entry("millimeters", "mm"), Map.entry("millimetres", "mm"),
            Map.entry("centimeters", "cm"), Map.entry("centimetres", "cm"), Map.entry("meters", "m"),
            Map.entry("metres", "m"), Map.entry("meter", "m"), Map.entry("metre", "m"), Map.entry("kilometers", "km"),
            Map.entry("kilometres", "km"), Map.entry("inches", "in"), Map.entry("feet", "ft"), Map.entry("miles", "mi"),
            Map.entry("g", "g"), Map.entry("kg", "kg"), Map.entry("mg", "mg"), Map.entry("grams", "g"),
            Map.entry("kilograms", "kg"), Map.entry("tonnes", "t"), Map.entry("pounds", "lb"), Map.entry("lbs", "lb"),
            Map.entry("km2", "km²"), Map.entry("m2", "m²"), Map.entry("sqkm", "km²"), Map.entry("l", "L"),
            Map.entry("ml", "mL"), Map.entry("liters", "L"), Map.entry("litres", "L"), Map.entry("s", "s"),
            Map.entry("ms", "ms"), Map.entry("seconds", "s"), Map.entry("minutes", "min"), Map.entry("hours", "h"),
            Map.entry("days", "d"), Map.entry("years", "a"), Map.entry("celsius", "°C"), Map.entry("kelvin", "K"),
            Map.entry("percent", "%"), Map.entry("pct", "%"), Map.entry("%", "%"), Map.entry("eur", "EUR"),
            Map.entry("usd", "USD"), Map.entry("chf", "CHF"), Map.entry("gbp", "GBP"), Map.entry("jpy", "JPY"),
            Map.entry("w", "W"), Map.entry("kw", "kW"), Map.entry("kwh", "kWh"), Map.entry("v", "V"),
            Map.entry("hz", "Hz"), Map.entry("mhz", "MHz"), Map.entry("ghz", "GHz"), Map.entry("pa", "Pa"),
            Map.entry("kpa", "kPa"), Map.entry("bar", "bar"), Map.entry("gb", "GB"), Map.entry("mb", "MB"),
            Map.entry("tb", "TB"));
    /** Short symbols that are also ordinary words or letters: only trusted in brackets or after "in". */
    private static final List<String> AMBIGUOUS = List.of("m", "g", "s", "l", "v", "w", "pa", "bar", "mb", "gb");

    private UnitNames() {
    }

    /** The unit named in a label or local name, if any. */
    static Optional<String> of(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        Matcher bracketed = BRACKETED.matcher(name);
        if (bracketed.matches()) {
            String inside = bracketed.group(1).strip();
            String unit = UNITS.get(inside.toLowerCase(Locale.ROOT));
            return Optional.of(unit != null ? unit : inside);
        }
        List<String> words = NameText.words(name);
        if (words.size() < 2) {
            return Optional.empty();
        }
        String last = words.get(words.size() - 1);
        String before = words.get(words.size() - 2);
        if (last.equals("2") && UNITS.containsKey(before + "2")) {
            return Optional.of(UNITS.get(before + "2"));
        }
        String unit = UNITS.get(last);
        if (unit == null) {
            return Optional.empty();
        }
        boolean separated = name.matches(".*[_\\- ]" + Pattern.quote(last) + "$")
                || name.toLowerCase(Locale.ROOT).endsWith("_" + last);
        if (before.equals("in") || before.equals("per") || !AMBIGUOUS.contains(last) || separated) {
            return Optional.of(unit);
        }
        return Optional.empty();
    }
}
