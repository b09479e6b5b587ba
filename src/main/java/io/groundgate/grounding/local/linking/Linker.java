package io.groundgate.grounding.local.linking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.groundgate.grounding.local.PlannerConfig;
import io.groundgate.kg.GraphSnapshot;
import io.groundgate.kg.LabelHit;
import io.groundgate.kg.LabelIndex;
import io.groundgate.tools.calculator.CalcException;
import io.groundgate.tools.calculator.CalcValue;
import io.groundgate.tools.calculator.Calculator;

/**
 * Links the words of a question to the graph: amounts with units first, then every span of words, longest first and
 * never overlapping, to entities, classes and properties by their labels (exact after folding case, accents and
 * plurals), then single words with a typo to entities, only above a strict score and only when one entity is clearly
 * best.
 */
@ApplicationScoped
public class Linker {

    private static final int MAX_SPAN = 8;

    private final PlannerConfig config;
    private final Calculator calculator;

    public Linker(PlannerConfig config, Calculator calculator) {
        this.config = config;
        this.calculator = calculator;
    }

    public LinkedQuestion link(String text, GraphSnapshot snapshot, Vocabulary vocabulary) {
        List<Words.Token> tokens = Words.tokenize(text);
        boolean[] used = new boolean[tokens.size()];
        List<Quantity> quantities = quantities(tokens, used);
        List<Integer> unitTokens = askedUnit(tokens, used);
        String askedUnit = unitTokens.isEmpty() ? null : unitSpelling(tokens.get(unitTokens.get(unitTokens.size() - 1)).text())
                + (unitTokens.size() == 3 ? "^" + (tokens.get(unitTokens.get(1)).key().equals("square") ? 2 : 3) : "");
        List<Mention> mentions = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        LabelIndex index = snapshot.labels();
        int longest = Math.min(MAX_SPAN, Math.max(vocabulary.longestKey(), 6));
        for (int n = Math.min(longest, tokens.size()); n >= 1; n--) {
            for (int start = 0; start + n <= tokens.size(); start++) {
                if (free(used, start, n) && plausibleSpan(tokens, start, n)) {
                    Mention m = exact(text, tokens, start, n, index, vocabulary);
                    if (m != null) {
                        mentions.add(m);
                        mark(used, start, n);
                    }
                }
            }
        }
        swappedNames(text, tokens, used, index, vocabulary, mentions);
        for (int i = 0; i < tokens.size(); i++) {
            Words.Token t = tokens.get(i);
            // typos in names: capitalised words, or long ones ("inland" must not become a country)
            boolean nameLike = Character.isUpperCase(t.text().charAt(0)) || t.key().length() >= 8;
            if (!used[i] && !t.stop() && !t.number() && t.key().length() >= config.fuzzyMinLength()
                    && Words.adjectiveBases(t.key()).isEmpty()) {
                Mention m = fuzzyProperty(t, i, vocabulary);
                if (m == null && nameLike) {
                    m = fuzzy(t, i, index, vocabulary, problems);
                }
                if (m != null) {
                    mentions.add(m);
                    used[i] = true;
                }
            }
        }
        mentions.sort(Comparator.comparingInt(Mention::firstToken));
        List<Words.Token> free = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!used[i] && !tokens.get(i).stop() && !tokens.get(i).number()) {
                free.add(tokens.get(i));
            }
        }
        return new LinkedQuestion(text, tokens, mentions, quantities, free, problems, askedUnit, unitTokens);
    }

    /** A number (or "a"/"an") followed by a word the calculator knows as a unit. */
    private List<Quantity> quantities(List<Words.Token> tokens, boolean[] used) {
        List<Quantity> found = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Words.Token t = tokens.get(i);
            BigDecimal number = t.number() && !t.key().endsWith("%") ? parse(t.key())
                    : t.key().equals("a") || t.key().equals("an") || t.key().equals("one") ? BigDecimal.ONE : null;
            Words.Token unit = tokens.get(i + 1);
            int power = unit.key().equals("square") ? 2 : unit.key().equals("cubic") ? 3 : 1;
            if (number != null && power > 1 && i + 2 < tokens.size() && isUnit(tokens.get(i + 2).text())) {
                // "3 cubic metres" is 3 metres^3 to the calculator
                found.add(new Quantity(number, tokens.get(i + 2).text() + "^" + power, i + 2));
                used[i] = true;
                used[i + 1] = true;
                used[i + 2] = true;
                i += 2;
            } else if (number != null && !unit.number() && isUnit(unit.text())) {
                found.add(new Quantity(number, unit.text(), i + 1));
                used[i] = true;
                used[i + 1] = true;
                i++;
            }
        }
        return found;
    }

    /** "… in km^2" (the last such pair) or "how many kelvin …": the unit the answer should be given in. */
    private List<Integer> askedUnit(List<Words.Token> tokens, boolean[] used) {
        for (int i = tokens.size() - 2; i >= 0; i--) {
            String k = tokens.get(i).key();
            if ((k.equals("in") || k.equals("many")) && !used[i + 1] && isUnit(tokens.get(i + 1).text())) {
                used[i] = true;
                used[i + 1] = true;
                return List.of(i, i + 1);
            }
            int power = i + 2 < tokens.size() ? switch (tokens.get(i + 1).key()) {
                case "square" -> 2;
                case "cubic" -> 3;
                default -> 0;
            } : 0;
            if ((k.equals("in") || k.equals("many")) && power > 0 && !used[i + 2] && isUnit(tokens.get(i + 2).text())) {
                used[i] = true;
                used[i + 1] = true;
                used[i + 2] = true;
                return List.of(i, i + 1, i + 2);
            }
        }
        return List.of();
    }

    /**
     * A unit as the calculator spells it: a one-letter symbol typed in lower case ("in k") is its capital ("K"), unless
     * that letter also names a degree scale ("c": coulomb or degrees Celsius?), which stays unread.
     */
    private String unitSpelling(String word) {
        return isExactUnit(word) ? word : word.toUpperCase(Locale.ROOT);
    }

    private boolean isUnit(String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        return isExactUnit(word) || word.length() == 1 && isExactUnit(upper) && !isExactUnit("deg" + upper);
    }

    private boolean isExactUnit(String word) {
        if (!word.chars().allMatch(c -> Character.isLetter(c) || c == '^' || c == '/' || Character.isDigit(c))
                || !Character.isLetter(word.charAt(0))) {
            return false;
        }
        try {
            CalcValue v = calculator.evaluate("1 " + word);
            return v.unit() != null;
        } catch (CalcException e) {
            return false;
        }
    }

    private static BigDecimal parse(String number) {
        try {
            return new BigDecimal(number);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A span worth looking up: not a lone number, and not only function words ("in", "is", "of the"). */
    private static boolean plausibleSpan(List<Words.Token> tokens, int start, int n) {
        if (n == 1 && tokens.get(start).number()) {
            return false;
        }
        for (int i = start; i < start + n; i++) {
            if (!tokens.get(i).stop() && !tokens.get(i).number()) {
                return true;
            }
        }
        return false;
    }

    private Mention exact(String text, List<Words.Token> tokens, int start, int n, LabelIndex index,
            Vocabulary vocabulary) {
        String span = text.substring(tokens.get(start).start(), tokens.get(start + n - 1).end());
        if (span.endsWith("'s")) {
            span = span.substring(0, span.length() - 2); // "Kyrgyzstan's neighbours"
        }
        StringBuilder keyBuilder = new StringBuilder();
        for (int i = start; i < start + n; i++) {
            keyBuilder.append(i > start ? " " : "").append(tokens.get(i).key());
        }
        String key = keyBuilder.toString();
        String singular = Words.singularPhrase(key);
        boolean shortSpan = span.length() <= 3;
        // Short words ("in", "us", "ar") only count as names when written exactly like a label, e.g. "US"; property
        // and class labels of one or two letters ("Z", "EN") only when written in capitals.
        List<String> properties = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        if (span.length() > 2 || span.equals(span.toUpperCase()) && span.length() > 1) {
            properties.addAll(vocabulary.propertiesNamed(singular));
            classes.addAll(vocabulary.classesNamed(singular));
        }
        List<Mention.EntityRef> entities = entities(index.exact(span), span, shortSpan, vocabulary);
        if (entities.isEmpty() && !singular.equals(key)) {
            entities = entities(index.exact(singular), span, shortSpan, vocabulary);
        }
        if (properties.isEmpty() && classes.isEmpty() && entities.isEmpty()) {
            return null;
        }
        return new Mention(span, start, start + n - 1, entities, classes, properties, false);
    }

    private static List<Mention.EntityRef> entities(List<LabelHit> hits, String span, boolean shortSpan,
            Vocabulary vocabulary) {
        List<Mention.EntityRef> refs = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (LabelHit h : hits) {
            if (vocabulary.isProperty(h.iri()) || vocabulary.isClass(h.iri())) {
                continue;
            }
            // a three-letter word typed in another case still names an entity whose own label it is ("tin")
            boolean ownLabel = span.length() == 3 && h.label().equalsIgnoreCase(span)
                    && !Words.STOP.contains(span.toLowerCase(Locale.ROOT));
            if (shortSpan && !h.matched().equals(span) && !ownLabel) {
                continue;
            }
            if (seen.add(h.iri())) {
                refs.add(new Mention.EntityRef(h.iri(), h.label(), h.types(), h.score()));
            }
        }
        return refs;
    }

    /**
     * A one-word property label with one typo ("denisty"), when exactly one property is that close. Only letters swapped
     * or replaced count: an added or dropped letter turns too many real words into labels ("president", "resident").
     */
    private Mention fuzzyProperty(Words.Token t, int i, Vocabulary vocabulary) {
        String word = Words.singular(t.key());
        if (word.length() < 6) {
            return null;
        }
        Set<String> found = new LinkedHashSet<>();
        for (String key : vocabulary.singleWordPropertyKeys()) {
            if (key.length() == word.length() && editDistanceAtMostOne(word, key)) {
                found.addAll(vocabulary.propertiesNamed(key));
            }
        }
        return found.size() == 1 ? new Mention(t.text(), i, i, List.of(), List.of(), List.copyOf(found), true) : null;
    }

    /**
     * Names written with two neighbouring letters swapped ("Nepla", "Ulan Btaor"): a run of up to three capitalised,
     * unlinked words that is exactly one entity's label once one pair of adjacent letters is swapped back. Only one entity
     * may be reachable so; a swap keeps every letter, so short names are safe where other edits are not.
     */
    private void swappedNames(String text, List<Words.Token> tokens, boolean[] used, LabelIndex index,
            Vocabulary vocabulary, List<Mention> mentions) {
        for (int n = Math.min(3, tokens.size()); n >= 1; n--) {
            for (int start = 0; start + n <= tokens.size(); start++) {
                if (!free(used, start, n) || !capitalisedNames(tokens, start, n)) {
                    continue;
                }
                String span = text.substring(tokens.get(start).start(), tokens.get(start + n - 1).end());
                if (span.replaceAll("[^\\p{L}]", "").length() < config.fuzzyMinLength()) {
                    continue;
                }
                Map<String, Mention.EntityRef> found = new LinkedHashMap<>();
                for (int j = 0; j + 1 < span.length(); j++) {
                    char a = span.charAt(j);
                    char b = span.charAt(j + 1);
                    if (a == b || !Character.isLetter(a) || !Character.isLetter(b)) {
                        continue;
                    }
                    String variant = span.substring(0, j) + b + a + span.substring(j + 2);
                    for (LabelHit h : index.exact(variant)) {
                        if (!vocabulary.isProperty(h.iri()) && !vocabulary.isClass(h.iri())) {
                            found.putIfAbsent(h.iri(), new Mention.EntityRef(h.iri(), h.label(), h.types(), 0.75));
                        }
                    }
                }
                if (found.size() == 1) {
                    mentions.add(new Mention(span, start, start + n - 1, List.copyOf(found.values()), List.of(),
                            List.of(), true));
                    mark(used, start, n);
                }
            }
        }
    }

    private static boolean capitalisedNames(List<Words.Token> tokens, int start, int n) {
        for (int i = start; i < start + n; i++) {
            Words.Token t = tokens.get(i);
            if (t.stop() || t.number() || !Character.isUpperCase(t.text().charAt(0))) {
                return false;
            }
        }
        return true;
    }

    static boolean editDistanceAtMostOne(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (a.length() == b.length()) {
            // one substitution, or one swap of neighbours ("denisty")
            return a.substring(i + 1).equals(b.substring(i + 1)) || i + 1 < a.length()
                    && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2));
        }
        return a.length() > b.length() ? a.substring(i + 1).equals(b.substring(i))
                : b.substring(i + 1).equals(a.substring(i));
    }

    private Mention fuzzy(Words.Token t, int i, LabelIndex index, Vocabulary vocabulary, List<String> problems) {
        if (!vocabulary.propertiesNamed(Words.singular(t.key())).isEmpty()) {
            return null;
        }
        List<LabelHit> hits = index.fuzzy(t.key(), 4).stream()
                .filter(h -> !vocabulary.isProperty(h.iri()) && !vocabulary.isClass(h.iri()) && h.score() >= config.fuzzyThreshold()).toList();
        if (hits.isEmpty()) {
            return null;
        }
        LabelHit best = hits.get(0);
        if (hits.size() > 1 && hits.get(1).score() >= best.score() - 0.02) {
            problems.add("\"" + t.text() + "\" is close to several names (" + best.label() + ", "
                    + hits.get(1).label() + ")");
            return null;
        }
        return new Mention(t.text(), i, i, List.of(new Mention.EntityRef(best.iri(), best.label(), best.types(),
                best.score())), List.of(), List.of(), true);
    }

    private static boolean free(boolean[] used, int start, int n) {
        for (int i = start; i < start + n; i++) {
            if (used[i]) {
                return false;
            }
        }
        return true;
    }

    private static void mark(boolean[] used, int start, int n) {
        for (int i = start; i < start + n; i++) {
            used[i] = true;
        }
    }
}
