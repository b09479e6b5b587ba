package io.groundgate.grounding.local.plan;

import java.util.Map;
import java.util.Optional;

import io.groundgate.grounding.local.linking.LinkedQuestion;
import io.groundgate.grounding.local.linking.Words;

/**
 * The physical quantity a question asks for, as a unit the calculator can convert to: an explicit "in kg" at the end,
 * or a word naming a kind of quantity ("mass", "weigh", "heavier" → kg). This is the vocabulary of physics, not of any
 * graph: which property supplies the factor is found by dimensional analysis over the graph's units.
 */
final class Dimensions {

    private static final Map<String, String> QUANTITY_WORDS = Map.ofEntries(Map.entry("mass", "kg"),
            Map.entry("weight", "kg"), Map.entry("weigh", "kg"), Map.entry("weighs", "kg"), Map.entry("heavy", "kg"),
            Map.entry("heavier", "kg"), Map.entry("lighter", "kg"), Map.entry("volume", "L"), Map.entry("length", "m"),
            Map.entry("long", "m"), Map.entry("longer", "m"), Map.entry("energy", "J"), Map.entry("duration", "s"));

    private Dimensions() {
    }

    static Optional<String> target(LinkedQuestion q, Arithmetic arithmetic) {
        if (q.askedUnit() != null) {
            return Optional.of(q.askedUnit());
        }
        for (Words.Token token : q.tokens()) {
            String unit = QUANTITY_WORDS.get(token.key());
            if (unit != null) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }

    static boolean isUnit(String word, Arithmetic arithmetic) {
        return word.chars().allMatch(c -> Character.isLetter(c) || c == '^' || c == '/' || Character.isDigit(c))
                && !Character.isDigit(word.charAt(0))
                && arithmetic.probe("1 " + word).map(v -> v.unit() != null).orElse(false);
    }

    /** The power of length a unit measures (1 for km, 2 for km^2, 3 for cm^3), or 0 when it is no such unit. */
    static int lengthPower(String unit, Arithmetic arithmetic) {
        for (int k = 1; k <= 3; k++) {
            String si = k == 1 ? "m" : "m^" + k;
            if (arithmetic.probe("1 " + unit + " in " + si).isPresent()) {
                return k;
            }
        }
        return 0;
    }
}
