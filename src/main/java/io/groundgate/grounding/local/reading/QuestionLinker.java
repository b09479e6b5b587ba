package io.groundgate.grounding.local.reading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.groundgate.grounding.local.linking.Words;
import io.groundgate.grounding.local.reading.Lexicon.Op;
import io.groundgate.grounding.local.reading.Linked.Anchor;
import io.groundgate.grounding.local.reading.Linked.Candidate;
import io.groundgate.grounding.local.reading.Linked.EntityAnchor;
import io.groundgate.grounding.local.reading.Linked.NumberMention;
import io.groundgate.grounding.local.reading.Linked.Role;
import io.groundgate.grounding.local.reading.Linked.ValueAnchor;
import io.groundgate.grounding.local.reading.Linked.Word;
import io.groundgate.kg.profile.GraphProfile;
import io.groundgate.kg.profile.NameIndex;
import io.groundgate.kg.profile.NameIndex.Hit;
import io.groundgate.kg.profile.NameIndex.Match;

/**
 * Links the words of a question: function words through the {@link Lexicon}, names through the profile's
 * {@link NameIndex} (labels, name properties, local names, categorical values; partial names only when written as a
 * proper noun; typos only for names written as such), numbers with the unit written after them. Values need their
 * spelling to agree (no meaning-only links: "Russia" is not "Kazakhstan"). Whatever is left is content for the schema.
 */
public final class QuestionLinker {

    private static final int MAX_SPAN = 7;
    private static final double EXACT = 0.9;
    private static final double FUZZY = 0.7;
    private static final double TIE = 0.02;

    private final Lexicon lexicon;
    private final Units units;

    public QuestionLinker(Lexicon lexicon, Units units) {
        this.lexicon = lexicon;
        this.units = units;
    }

    public Linked link(String question, GraphProfile profile) {
        return link(question, profile, phrase -> false);
    }

    /**
     * Links a question.
     *
     * @param schemaName whether some words, folded, are exactly the name of a class or property: function words
     *        inside such a name are content ("total area", "atomic number")
     */
    public Linked link(String question, GraphProfile profile, Predicate<String> schemaName) {
        List<Words.Token> tokens = Words.tokenize(question);
        int n = tokens.size();
        // function words inside a name of the schema are content ("total area", "atomic number")
        boolean[] named = new boolean[n];
        for (int len = 4; len >= 2; len--) {
            for (int i = 0; i + len <= n; i++) {
                boolean function = false;
                StringBuilder phrase = new StringBuilder();
                for (int j = i; j < i + len; j++) {
                    function |= lexicon.functionWord(tokens.get(j).key());
                    phrase.append(j > i ? " " : "").append(tokens.get(j).text());
                }
                if (function && !lexicon.is(Op.ASK, tokens.get(i).key()) && schemaName.test(phrase.toString())) {
                    for (int j = i; j < i + len; j++) {
                        named[j] = true;
                    }
                }
            }
        }
        List<Set<Op>> ops = operators(tokens, named);
        Role[] roles = new Role[n];
        List<Anchor> anchors = anchors(question, tokens, ops, profile, roles);
        List<NumberMention> numbers = new ArrayList<>();
        String askedUnit = null;
        for (int i = 0; i < n; i++) {
            if (roles[i] != null) {
                continue;
            }
            Words.Token t = tokens.get(i);
            BigDecimal number = number(t);
            if (number != null) {
                roles[i] = Role.NUMBER;
                String unit = null;
                for (int len = 2; len >= 1 && unit == null; len--) {
                    if (i + len < n && roles[i + len] == null && roles[i + 1] == null && number(tokens.get(i + 1)) == null) {
                        unit = units.unit(unitText(question, tokens.get(i + 1), tokens.get(i + len))).orElse(null);
                        for (int j = 1; unit != null && j <= len; j++) {
                            roles[i + j] = Role.NUMBER;
                        }
                    }
                }
                numbers.add(new NumberMention(i, number, unit));
            }
        }
        List<Integer> unitWords = new ArrayList<>();
        for (int i = 0; i < n && askedUnit == null; i++) {
            boolean afterInto = i > 0 && ops.get(i - 1).contains(Op.INTO);
            boolean afterCount = i > 1 && ops.get(i - 1).contains(Op.COUNT);
            boolean unitWord = ops.get(i).contains(Op.SQUARE) || ops.get(i).contains(Op.CUBIC)
                    || ops.get(i).contains(Op.DEGREES);
            if (roles[i] != null || !afterInto && !afterCount || lexicon.functionWord(tokens.get(i).key()) && !unitWord) {
                continue;
            }
            for (int len = Math.min(2, n - i); len >= 1 && askedUnit == null; len--) {
                if (len == 2 && (roles[i + 1] != null || lexicon.functionWord(tokens.get(i + 1).key()))) {
                    continue;
                }
                var unit = units.unit(unitText(question, tokens.get(i), tokens.get(i + len - 1)));
                if (unit.isPresent()) {
                    askedUnit = unit.get();
                    for (int j = i; j < i + len; j++) {
                        roles[j] = Role.NUMBER;
                        unitWords.add(j);
                    }
                }
            }
        }
        List<Word> words = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Role role = roles[i] != null ? roles[i] : ops.get(i).isEmpty() ? Role.CONTENT : Role.OPERATOR;
            words.add(new Word(tokens.get(i).text(), tokens.get(i).key(), ops.get(i), role));
        }
        return new Linked(question, words, anchors, numbers, askedUnit, unitWords);
    }

    /**
     * The words of a unit as written, with the signs the tokens leave out: a degree sign before them ("°C") and a
     * superscript power after them ("km²", "g/cm³").
     */
    static String unitText(String question, Words.Token first, Words.Token last) {
        String text = question.substring(first.start(), last.end());
        if (first.start() > 0 && question.charAt(first.start() - 1) == '\u00b0') {
            text = "\u00b0" + text;
        }
        if (last.end() < question.length()) {
            char after = question.charAt(last.end());
            if (after == '\u00b2' || after == '\u00b3') {
                text = text + "^" + (after == '\u00b2' ? 2 : 3);
            }
        }
        return text;
    }

    /** The operators of each word, longest lexicon phrases first. */
    private List<Set<Op>> operators(List<Words.Token> tokens, boolean[] named) {
        List<Set<Op>> ops = new ArrayList<>();
        tokens.forEach(t -> ops.add(new HashSet<>()));
        boolean[] taken = new boolean[tokens.size()];
        for (int len = lexicon.longest(); len >= 1; len--) {
            for (int i = 0; i + len <= tokens.size(); i++) {
                StringBuilder phrase = new StringBuilder();
                boolean free = true;
                for (int j = i; j < i + len; j++) {
                    free &= (!taken[j] || len == 1) && !named[j];
                    phrase.append(j > i ? " " : "").append(tokens.get(j).key());
                }
                Set<Op> found = lexicon.ops(phrase.toString());
                if (free && !found.isEmpty()) {
                    for (int j = i; j < i + len; j++) {
                        ops.get(j).addAll(found);
                        taken[j] = len > 1 || taken[j];
                    }
                }
            }
        }
        return ops;
    }

    private record Span(int first, int last, Anchor anchor) {
    }

    private List<Anchor> anchors(String question, List<Words.Token> tokens, List<Set<Op>> ops, GraphProfile profile,
            Role[] roles) {
        Set<String> schema = new HashSet<>();
        profile.classes().forEach(c -> schema.add(c.iri()));
        profile.properties().forEach(p -> schema.add(p.iri()));
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            for (int j = Math.min(tokens.size(), i + MAX_SPAN) - 1; j >= i; j--) {
                if (!possibleName(question, tokens, ops, i, j)) {
                    continue;
                }
                String text = question.substring(tokens.get(i).start(), tokens.get(j).end());
                Anchor a = anchor(text, i, j, tokens, profile.names().find(text, 8), schema);
                if (a != null) {
                    spans.add(new Span(i, j, a));
                }
            }
        }
        spans.sort(Comparator.comparingInt((Span s) -> s.last() - s.first()).reversed()
                .thenComparing(Comparator.comparingDouble((Span s) -> s.anchor().score()).reversed())
                .thenComparingInt(Span::first));
        List<Anchor> chosen = new ArrayList<>();
        for (Span s : spans) {
            boolean overlaps = false;
            for (int k = s.first(); k <= s.last(); k++) {
                overlaps |= roles[k] != null;
            }
            if (!overlaps) {
                for (int k = s.first(); k <= s.last(); k++) {
                    roles[k] = Role.ANCHOR;
                }
                chosen.add(s.anchor());
            }
        }
        chosen.sort(Comparator.comparingInt(Anchor::first));
        return chosen;
    }

    /** A name neither starts nor ends with a lower-case function word, and is not only a number. */
    private static boolean possibleName(String question, List<Words.Token> tokens, List<Set<Op>> ops, int i, int j) {
        boolean allNumbers = true;
        for (int k = i; k <= j; k++) {
            allNumbers &= number(tokens.get(k)) != null;
        }
        return !allNumbers && !function(tokens, ops, i) && !function(tokens, ops, j) && !degreeSign(question, tokens.get(i));
    }

    /** Words right after a degree sign are a unit ("°F"), never a name. */
    private static boolean degreeSign(String question, Words.Token t) {
        return t.start() > 0 && question.charAt(t.start() - 1) == '\u00b0';
    }

    private static boolean function(List<Words.Token> tokens, List<Set<Op>> ops, int k) {
        return !ops.get(k).isEmpty() && (k == 0 || !properNoun(tokens.get(k)));
    }

    private static boolean properNoun(Words.Token t) {
        return Character.isUpperCase(t.text().charAt(0));
    }

    private Anchor anchor(String text, int i, int j, List<Words.Token> tokens, NameIndex.Lookup lookup,
            Set<String> schema) {
        List<Hit> hits = lookup.hits().stream().filter(h -> h.iri() == null || !schema.contains(h.iri()) && !header(h))
                .toList();
        if (hits.isEmpty()) {
            return null;
        }
        Hit best = hits.get(0);
        boolean proper = true;
        for (int k = i; k <= j; k++) {
            Words.Token t = tokens.get(k);
            proper &= properNoun(t) || number(t) != null;
        }
        boolean accepted = switch (best.match()) {
            case EXACT -> best.score() >= EXACT;
            case PREFIX, WORD -> proper && best.iri() != null && (j > i || tokens.get(i).key().length() >= 3);
            case FUZZY -> best.score() >= FUZZY && (properNoun(tokens.get(i)) || j > i) && !lookup.ambiguous()
                    && text.length() >= 5;
        };
        if (!accepted) {
            return null;
        }
        List<Hit> tied = hits.stream()
                .filter(h -> h.match() == best.match() && best.score() - h.score() <= TIE
                        && (h.iri() == null) == (best.iri() == null))
                .toList();
        if (best.iri() == null) {
            return new ValueAnchor(i, j, text, best.property(), best.value(), best.classes(),
                    best.score());
        }
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (Hit h : tied) {
            candidates.putIfAbsent(h.iri(), new Candidate(h.iri(), h.name(), h.classes()));
        }
        return new EntityAnchor(i, j, text, List.copyOf(candidates.values()),
                best.match() == Match.EXACT ? best.score() : best.score() * 0.9, best.match() == Match.FUZZY);
    }

    /**
     * Whether the entity is an ontology's header ({@code owl:Ontology}: a document that describes a graph, named like
     * "countries"): never what a question is about, so its name stays a word for the schema.
     */
    private static boolean header(Hit h) {
        return h.classes().contains(OWL_ONTOLOGY);
    }

    private static final String OWL_ONTOLOGY = "http://www.w3.org/2002/07/owl#Ontology";

    static BigDecimal number(Words.Token t) {
        if (!t.number()) {
            return null;
        }
        try {
            return new BigDecimal(t.key().replace("%", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
