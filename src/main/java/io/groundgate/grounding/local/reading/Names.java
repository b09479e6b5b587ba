package io.groundgate.grounding.local.reading;

import java.util.Locale;

/** Names of graph terms as they read in a sentence. */
final class Names {

    private Names() {
    }

    /**
     * A name without the unit written into it: "route length (km)" → "route length", "weight g" → "weight",
     * "width in millimeters" → "width" (when the profile read the unit from the name).
     */
    static String withoutUnit(String name, String unit) {
        String n = name.strip();
        if (unit == null) {
            return n;
        }
        int bracket = n.lastIndexOf('(');
        if (bracket > 0 && n.endsWith(")")) {
            return n.substring(0, bracket).strip(); // "route length (km)"; a year in brackets stays
        }
        String lower = n.toLowerCase(Locale.ROOT);
        int in = lower.lastIndexOf(" in ");
        if (in > 0) {
            return n.substring(0, in).strip();
        }
        String u = unit.toLowerCase(Locale.ROOT);
        if (lower.endsWith(" " + u)) {
            return n.substring(0, n.length() - u.length()).strip();
        }
        return n;
    }
}
