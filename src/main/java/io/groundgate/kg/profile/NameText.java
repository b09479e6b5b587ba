package io.groundgate.kg.profile;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text helpers for names: the folded lookup key ("St. Moritz" and "st moritz" are equal), the edit distance, and the
 * human names hidden in an IRI's local name ({@code hasManager} → "has manager", "manager").
 */
public final class NameText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Words a name written in PascalCase capitalises only to mark where they begin ("ResearchAndDevelopment"). */
    private static final Set<String> MINOR_WORDS = Set.of("and", "or", "of", "the", "a", "an", "in", "on", "at", "to",
            "for", "by", "with", "from");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Verb prefixes that only say "this is a relation": {@code hasManager}, {@code isPartOf}. */
    private static final Set<String> RELATION_WORDS = Set.of("has", "is", "was", "in", "of", "get");

    private NameText() {
    }

    /** Folds case, accents and punctuation: "Zürich-City" and "St. Moritz" become "zurich city" and "st moritz". */
    public static String key(String text) {
        String ascii = asciiKey(text);
        if (ascii != null) {
            return ascii;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String stripped = MARKS.matcher(decomposed).replaceAll("").replace("ß", "ss").replace("ø", "o")
                .replace("æ", "ae").replace("œ", "oe").replace("ł", "l").replace("đ", "d");
        return NON_WORD.matcher(stripped.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /**
     * The same key for plain ASCII text without the Unicode passes (most names; a profile folds every name in the
     * graph): letters and digits lowercased, every other run of characters one space, none at the ends. Null when the
     * text has a character beyond ASCII.
     */
    private static String asciiKey(String text) {
        StringBuilder out = null;
        boolean gap = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (ch >= 0x80) {
                return null;
            }
            boolean upper = ch >= 'A' && ch <= 'Z';
            if (upper || ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9') {
                if (out == null) {
                    out = new StringBuilder(n);
                } else if (gap) {
                    out.append(' ');
                }
                gap = false;
                out.append(upper ? (char) (ch + ('a' - 'A')) : ch);
            } else {
                gap = true;
            }
        }
        return out == null ? "" : out.toString();
    }

    /** The part of an IRI after its last {@code #}, {@code /} or {@code :}. */
    public static String localName(String iri) {
        int cut = Math.max(iri.lastIndexOf('#'), Math.max(iri.lastIndexOf('/'), iri.lastIndexOf(':')));
        return cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
    }

    /** The words of a local name: {@code heightInMeters} → height in meters; {@code unit_price%20EUR} → unit price eur. */
    public static List<String> words(String localName) {
        String decoded = decoded(localName);
        String split = split(decoded);
        List<String> words = new ArrayList<>();
        for (String w : NON_WORD.split(split.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /**
     * A local name as a name to show, its case kept where it carries meaning: {@code NorthAmerica} → North America,
     * {@code USA} → USA, {@code Ines_Karro} → Ines Karro, {@code heightInMeters} → height in meters (a camelCase name
     * starts lower-case, so the capitals inside it only mark where words begin).
     */
    public static String display(String localName) {
        String decoded = decoded(localName);
        String split = split(decoded);
        boolean camel = !decoded.isEmpty() && Character.isLowerCase(decoded.charAt(0));
        List<String> words = new ArrayList<>();
        for (String w : NON_WORD.split(split)) {
            if (!w.isEmpty()) {
                boolean minor = !words.isEmpty() && MINOR_WORDS.contains(w.toLowerCase(Locale.ROOT));
                words.add((camel || minor) && w.matches("\\p{Lu}\\p{Ll}+") ? w.toLowerCase(Locale.ROOT) : w);
            }
        }
        return String.join(" ", words);
    }

    /** A local name with %-encodings decoded. */
    private static String decoded(String localName) {
        if (localName.indexOf('%') >= 0) {
            try {
                return URLDecoder.decode(localName.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // a stray '%': keep the text as it is
            }
        }
        return localName;
    }

    /** Spaces where camelCase, acronyms and digits begin a new word. */
    private static String split(String decoded) {
        return decoded.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z])([A-Z][a-z])", "$1 $2")
                .replaceAll("([A-Za-z])([0-9])", "$1 $2");
    }

    /**
     * The names a local name stands for, longest first: {@code hasManager} → "has manager", "manager";
     * {@code weight_g} → "weight g".
     */
    public static List<String> namesOfLocalName(String localName) {
        List<String> words = words(localName);
        Set<String> names = new LinkedHashSet<>();
        if (words.isEmpty()) {
            return List.of();
        }
        names.add(String.join(" ", words));
        int start = 0;
        while (start < words.size() - 1 && RELATION_WORDS.contains(words.get(start))) {
            start++;
        }
        if (start > 0) {
            names.add(String.join(" ", words.subList(start, words.size())));
        }
        return List.copyOf(names);
    }

    /** The trigrams of a key, padded so that word starts count: "ab" has "  a", " ab", "ab ". */
    public static Set<String> trigrams(String key) {
        String padded = "  " + key + " ";
        Set<String> grams = new LinkedHashSet<>();
        for (int i = 0; i + 3 <= padded.length(); i++) {
            grams.add(padded.substring(i, i + 3));
        }
        return grams;
    }

    /** For every trigram, the positions (in iteration order) of the keys that contain it, ascending. */
    public static Map<String, int[]> trigramPostings(Collection<String> keys) {
        Map<String, IntList> grams = new HashMap<>();
        int keyId = 0;
        for (String key : keys) {
            String padded = "  " + key + " ";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                grams.computeIfAbsent(padded.substring(i, i + 3), x -> new IntList()).addOnce(keyId);
            }
            keyId++;
        }
        Map<String, int[]> index = new HashMap<>(grams.size() * 2);
        grams.forEach((g, v) -> index.put(g, v.toArray()));
        return index;
    }

    /** A growing list of ints, without boxing: postings of a few hundred thousand names. */
    static final class IntList {
        private int[] values = new int[2];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        /** Adds v unless it is the last value (ids arrive in ascending order). */
        void addOnce(int v) {
            if (size == 0 || values[size - 1] != v) {
                add(v);
            }
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** Levenshtein distance, giving up (returning max + 1) once it exceeds {@code max}. */
    public static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
