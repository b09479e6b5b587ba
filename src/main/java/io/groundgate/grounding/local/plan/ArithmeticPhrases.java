package io.groundgate.grounding.local.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns English arithmetic idioms into calculator expressions: "2.5 to the power of 8" → {@code 2.5^8}, "square root
 * of 910" → {@code sqrt(910)}, "How many miles are 243 kilometres" → {@code 243 kilometres in miles}, "from 913 to
 * 1026 … percentage" → {@code (1026 - 913) / 913 * 100}. Candidates are tried in order; the first the calculator
 * accepts wins.
 */
public final class ArithmeticPhrases {

    private static final String NUM = "(-?\\d+(?:\\.\\d+)?)";
    private static final Pattern LEAD = Pattern.compile(
            "(?i)^(?:please\\s+)?(?:what\\s+(?:is|are|does|do)|what's|whats|calculate|compute|evaluate|convert|how\\s+much\\s+is)\\s+");
    private static final Pattern TRAIL = Pattern.compile("(?i)\\s*(?:=\\s*\\?|\\bequals?\\b|\\?|!|\\.)+\\s*$");
    private static final Pattern HOW_MANY = Pattern.compile("(?i)^how\\s+many\\s+(.+?)\\s+(?:are\\s+in|is\\s+in|are|is|in)\\s+(.+)$");
    private static final Pattern PERCENT_CHANGE = Pattern.compile(
            "(?i)(?=.*\\bpercent).*\\bfrom\\s+" + NUM + "\\s+to\\s+" + NUM + "\\b.*");
    private static final Pattern REDUCED_BY = Pattern.compile(
            "(?i).*?" + NUM + "\\s+is\\s+(?:reduced|increased|discounted|raised)\\s+by\\s+" + NUM + "\\s*%.*\\bhow\\s+much\\s+is\\s+the\\s+(?:reduction|increase|discount).*");

    private static final Pattern PERCENT_OF_CHANGE = Pattern.compile(
            "^\\(" + NUM + " - " + NUM + "\\) / " + NUM + " \\* 100$");

    private ArithmeticPhrases() {
    }

    /**
     * Whether a message states a change "from N to M" and asks for it in percent, possibly across sentences ("A value
     * goes from 20 to 25. What is the percentage change?"): then it is one arithmetic question, not several.
     */
    static boolean percentChange(String message) {
        return PERCENT_CHANGE.matcher(message.strip().replaceAll("\\s+", " ")).matches();
    }

    /** The unit of a candidate's result: "%" for a percentage change, else none (the calculator's own unit). */
    public static String resultUnit(String expression) {
        return PERCENT_OF_CHANGE.matcher(expression).matches() ? "%" : null;
    }

    public static List<String> candidates(String question) {
        String q = question.strip().replace("²", "^2").replace("³", "^3");
        List<String> out = new ArrayList<>();
        Matcher m = PERCENT_CHANGE.matcher(q);
        if (m.matches()) {
            out.add("(" + m.group(2) + " - " + m.group(1) + ") / " + m.group(1) + " * 100");
        }
        m = REDUCED_BY.matcher(q);
        if (m.matches()) {
            out.add(m.group(2) + "% of " + m.group(1));
        }
        String e = TRAIL.matcher(LEAD.matcher(q).replaceFirst("")).replaceFirst("").strip();
        e = units(e);
        e = e.replaceAll("(?i)\\s+percent\\b", "%")
                .replaceAll("(?i)\\bto\\s+the\\s+power\\s+of\\s+", "^")
                .replaceAll("(?i)\\s+raised\\s+to\\s+the\\s+(\\d+)(?:st|nd|rd|th)?\\s+power", "^$1")
                .replaceAll("(?i)\\s+to\\s+the\\s+(\\d+)(?:st|nd|rd|th)\\s+power", "^$1")
                .replaceAll("(?i)\\b(?:the\\s+)?square\\s+root\\s+of\\s+" + NUM, "sqrt($1)")
                .replaceAll("(?i)\\b(?:the\\s+)?cube\\s+root\\s+of\\s+" + NUM, "cbrt($1)")
                .replaceAll("(?i)\\s+to\\s+([a-z°/^0-9]+)$", " in $1");
        m = HOW_MANY.matcher(e);
        if (m.matches()) {
            out.add(m.group(2) + " in " + m.group(1));
        }
        out.add(e);
        return out;
    }

    /** Unit words the calculator spells differently: "degrees Celsius" → celsius, "metres per second" → m/s. */
    static String units(String text) {
        return text.replaceAll("(?i)\\bdegrees?\\s+(celsius|fahrenheit)", "$1")
                .replaceAll("(?i)°\\s*F\\b", "degF").replaceAll("(?i)°\\s*C\\b", "degC")
                .replaceAll("(?i)\\b(k?m|kilomet(?:re|er)s?|met(?:re|er)s?)\\s+per\\s+(second|hour)\\b", "$1/$2")
                .replaceAll("(?i)\\bmet(?:re|er)s?/second\\b", "m/s").replaceAll("(?i)\\bkilomet(?:re|er)s?/hour\\b", "km/h");
    }
}
