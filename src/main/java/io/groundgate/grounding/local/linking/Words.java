package io.groundgate.grounding.local.linking;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.groundgate.kg.LabelIndex;

/**
 * English word handling the linker needs: tokens with their positions, function words, and plural or comparative
 * forms reduced to the base word. Grammar only; nothing here knows what the graph is about.
 */
public final class Words {

    /** Function words and question words: never the whole of a mention, and not evidence for a property. */
    public static final Set<String> STOP = Set.of("a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with",
            "and", "or", "is", "are", "was", "were", "be", "been", "has", "have", "had", "does", "do", "did", "what",
            "whats", "which", "who", "whom", "whose", "where", "when", "how", "why", "much", "many", "there", "it", "its",
            "this", "that", "these", "those", "than", "as", "from", "into", "per", "me", "tell", "give", "show", "list",
            "name", "please", "can", "you", "i", "we", "all", "any", "some", "each", "every", "s", "about", "between",
            "value", "values", "amount", "number", "more", "less", "most", "least", "compare", "compared", "vs",
            "versus", "one", "same", "whole", "total", "exactly", "approximately", "roughly", "here", "known");

    private Words() {
    }

    /** A word of the question: its text as written, its folded form, and its character offsets. */
    public record Token(String text, String key, int start, int end) {
        public boolean stop() {
            return STOP.contains(key);
        }

        public boolean number() {
            return !key.isEmpty() && Character.isDigit(key.charAt(0));
        }
    }

    /** Splits on anything that is not a letter, digit, decimal point between digits, or percent sign. */
    public static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n) {
                char d = text.charAt(i);
                boolean decimal = (d == '.' || d == ',') && i > start && Character.isDigit(text.charAt(i - 1))
                        && i + 1 < n && Character.isDigit(text.charAt(i + 1));
                boolean apostrophe = d == '\'' && i + 1 < n && Character.isLetter(text.charAt(i + 1));
                boolean power = d == '^' && i + 1 < n && Character.isDigit(text.charAt(i + 1)); // "km^2"
                boolean ratio = d == '/' && i + 1 < n && Character.isLetter(text.charAt(i + 1))
                        && Character.isLetter(text.charAt(i - 1)); // "g/cm^3", "km/h"
                if (Character.isLetterOrDigit(d) || decimal || d == '%' || apostrophe || power || ratio) {
                    i++;
                } else {
                    break;
                }
            }
            String raw = text.substring(start, i);
            String key = raw.endsWith("'s") ? raw.substring(0, raw.length() - 2) : raw;
            tokens.add(new Token(raw, Character.isDigit(key.charAt(0)) ? key.replace(",", "")
                    : LabelIndex.normalize(key).replace(" ", ""), start, i));
        }
        return tokens;
    }

    /** The singular of an English plural ("countries" → "country", "gases" → "gas"); the word itself otherwise. */
    public static String singular(String word) {
        if (word.length() <= 3 || word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
            return word;
        }
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("sses") || word.endsWith("shes") || word.endsWith("ches") || word.endsWith("xes")
                || word.endsWith("ses") && !word.endsWith("uses")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /** Each word of a folded phrase in the singular, so plural and singular labels compare equal. */
    public static String singularPhrase(String phrase) {
        String[] parts = phrase.split(" ");
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(singular(p));
        }
        return out.toString();
    }

    /**
     * The base forms an adjective's comparative or superlative may come from ("denser" → "dense", "bigger" → "big",
     * "heaviest" → "heavy"), or an empty list when the word has no such ending.
     */
    public static List<String> adjectiveBases(String word) {
        List<String> bases = new ArrayList<>();
        String w = word.toLowerCase(Locale.ROOT);
        String stem = null;
        if (w.endsWith("est") && w.length() > 5) {
            stem = w.substring(0, w.length() - 3);
        } else if (w.endsWith("er") && w.length() > 4) {
            stem = w.substring(0, w.length() - 2);
        }
        if (stem == null) {
            return bases;
        }
        if (stem.endsWith("i")) {
            bases.add(stem.substring(0, stem.length() - 1) + "y");
        }
        if (stem.length() > 2 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)) {
            bases.add(stem.substring(0, stem.length() - 1));
        }
        bases.add(stem + "e");
        bases.add(stem);
        return bases;
    }

    /** Whether a word says "less" rather than "more" (the direction of a comparison or superlative). */
    public static boolean lowerDirection(String key) {
        return switch (key) {
            case "least", "lowest", "smallest", "fewest", "lightest", "shortest", "coldest", "youngest", "earliest",
                    "minimum", "min", "less", "lower", "smaller", "fewer", "lighter", "shorter", "colder", "younger",
                    "earlier", "thinnest", "thinner", "cheapest", "cheaper", "slowest", "slower", "narrowest",
                    "narrower", "before" -> true;
            default -> false;
        };
    }
}
