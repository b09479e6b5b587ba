package io.groundgate.kg.profile;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;

/** Decides what a sample of literal values is: numbers (also as strings), dates, booleans, codes, names, categories. */
final class LiteralKinds {

    static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    private static final Set<String> NUMERIC = Set.of("integer", "decimal", "double", "float", "int", "long", "short",
            "byte", "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt",
            "unsignedLong", "unsignedShort", "unsignedByte");
    private static final Set<String> DATES = Set.of("date", "dateTime", "dateTimeStamp", "gYear", "gYearMonth", "time");
    private static final Map<String, String> XSD_LABELS = labels();
    private static final Pattern NUMBER = Pattern
            .compile("[-+]?((\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+(Z|[-+]\\d{2}:?\\d{2})?)?");
    /** Share of values that must agree for a kind. */
    private static final double MOST = 0.8;

    /**
     * What the sample is.
     *
     * @param kind the kind
     * @param numericShare for numbers, the share that parse
     * @param numbersAsStrings whether numbers were stored as plain strings
     */
    record Verdict(ValueKind kind, Double numericShare, boolean numbersAsStrings) {
    }

    private LiteralKinds() {
    }

    /**
     * @param values literal values seen
     * @param subjects how many subjects those values belong to
     */
    static Verdict classify(List<Node> values, long subjects) {
        int n = values.size();
        if (n == 0) {
            return new Verdict(ValueKind.TEXT, null, false);
        }
        int numeric = 0;
        int numericStrings = 0;
        int dates = 0;
        int booleans = 0;
        int codes = 0;
        int labelLike = 0;
        long totalLength = 0;
        Set<String> distinct = new HashSet<>();
        for (Node v : values) {
            String lex = v.getLiteralLexicalForm().strip();
            String type = datatypeLocal(v);
            distinct.add(lex);
            totalLength += lex.length();
            boolean plain = type == null || type.equals("string");
            if (type != null && NUMERIC.contains(type)) {
                numeric++;
            } else if (plain && isNumber(lex)) {
                numeric++;
                numericStrings++;
            }
            if (type != null && DATES.contains(type) || plain && lex.length() >= 10 && lex.charAt(4) == '-'
                    && ISO_DATE.matcher(lex).matches()) {
                dates++;
            }
            if ("boolean".equals(type) || plain && (lex.equalsIgnoreCase("true") || lex.equalsIgnoreCase("false"))) {
                booleans++;
            }
            if (lex.length() <= 40 && hasDigit(lex) && isCode(lex)) {
                codes++;
            }
            if (lex.length() <= 80 && hasLetter(lex) && !lex.contains("\n")) {
                labelLike++;
            }
        }
        if (numeric >= MOST * n && numeric > 0) {
            return new Verdict(ValueKind.NUMBER, round((double) numeric / n), numericStrings > 0);
        }
        if (dates >= MOST * n) {
            return new Verdict(ValueKind.DATE, null, false);
        }
        if (booleans >= MOST * n) {
            return new Verdict(ValueKind.BOOLEAN, null, false);
        }
        double distinctShare = (double) distinct.size() / n;
        if (n >= 4 && distinct.size() <= 30 && distinctShare <= 0.7) {
            return new Verdict(ValueKind.CATEGORY, null, false);
        }
        if (distinctShare >= 0.8 && codes >= MOST * n) {
            return new Verdict(ValueKind.IDENTIFIER, null, false);
        }
        // one value per subject or a few (a label and its translations), short, with letters
        if (distinctShare >= 0.8 && labelLike >= MOST * n && totalLength / n <= 60
                && n <= 3L * Math.max(1, subjects)) {
            return new Verdict(ValueKind.NAME, null, false);
        }
        return new Verdict(ValueKind.TEXT, null, false);
    }

    /** Whether the text is a number as people write them in data: 12, -3.5, 1e6, 1,234.5. */
    static boolean isNumber(String text) {
        return !text.isEmpty() && startsLikeNumber(text.charAt(0)) && hasDigit(text) && NUMBER.matcher(text).matches();
    }

    /** The first characters {@link #NUMBER} accepts: most names and codes fail here without running the regex. */
    private static boolean startsLikeNumber(char first) {
        return first >= '0' && first <= '9' || first == '-' || first == '+' || first == '.';
    }

    /** {@code \S+} without the regex: one character or more, none of them whitespace ({@code [ \t\n\x0B\f\r]}). */
    private static boolean isCode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\u000B' || ch == '\f' || ch == '\r') {
                return false;
            }
        }
        return !text.isEmpty();
    }

    // loops, not chars().anyMatch: run for every sampled literal, also before the JIT has compiled anything
    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit((int) text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasLetter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter((int) text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The datatype's local name for XSD types, "lang" for tagged strings, null for none. */
    static String datatypeLocal(Node v) {
        if (!v.getLiteralLanguage().isEmpty()) {
            return "lang";
        }
        String dt = v.getLiteralDatatypeURI();
        if (dt == null) {
            return null;
        }
        return dt.startsWith(XSD) ? dt.substring(XSD.length()) : dt;
    }

    /** The datatype as shown: {@code xsd:decimal}, {@code @en}, or the IRI. */
    static String datatypeLabel(Node v) {
        String lang = v.getLiteralLanguage();
        if (!lang.isEmpty()) {
            return lang.equals("en") ? "@en" : "@" + lang;
        }
        String dt = v.getLiteralDatatypeURI();
        if (dt == null) {
            return "xsd:string";
        }
        String known = XSD_LABELS.get(dt); // read for every sampled literal: no new string for the usual types
        return known != null ? known : dt.startsWith(XSD) ? "xsd:" + dt.substring(XSD.length()) : dt;
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new HashMap<>();
        Stream.of(NUMERIC, DATES, Set.of("string", "boolean", "anyURI", "langString"))
                .flatMap(Set::stream).forEach(t -> labels.put(XSD + t, "xsd:" + t));
        return Map.copyOf(labels);
    }

    private static double round(double share) {
        return Math.round(share * 1000) / 1000.0;
    }
}
