package io.groundgate.grounding.local.reading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The planner's grammar: English function words, read from {@code lexicon.txt} beside this class (the one place they
 * are written, for reading questions and for resolving follow-ups in a conversation). A word or phrase may belong to
 * several operators ("more" is both a direction and a comparison).
 */
public final class Lexicon {

    /** What a function word does in a question, or (the conversation's) in a follow-up. */
    public enum Op {
        ASK, YESNO, FILLER, COUNT, GT, GE, LT, LE, BETWEEN, HIGH, LOW, SUM, AVG, PER, NOT, VERSUS, TIMES, PLUS, MINUS,
        OVER, DIFFERENCE, INTO, PREPOSITION, AND, SQUARE, CUBIC, DEGREES, WHEN,
        // the follow-up resolver's words: they do not change how a single question is read
        SINGULAR(false), PLURAL(false), POSSESSIVE(false), THIS_ONE(false), THESE_ONES(false), DEFINITE(false),
        ELLIPSIS(false), FIRST_PREPOSITION(false), OPENER(false), BEFORE_PRONOUN(false), AFTER_PRONOUN(false),
        STOP(false);

        private final boolean question;

        Op() {
            this(true);
        }

        Op(boolean question) {
            this.question = question;
        }

        /** Whether the operator takes part in reading a single question (else only in resolving follow-ups). */
        public boolean question() {
            return question;
        }
    }

    private static final Lexicon ENGLISH = load("lexicon.txt");

    private final Map<Op, Set<String>> phrases;
    private final int longest;

    private Lexicon(Map<Op, Set<String>> phrases) {
        this.phrases = phrases;
        this.longest = phrases.entrySet().stream().filter(e -> e.getKey().question())
                .flatMap(e -> e.getValue().stream()).mapToInt(p -> p.split(" ").length).max().orElse(1);
    }

    public static Lexicon english() {
        return ENGLISH;
    }

    /** Whether the phrase (folded, words separated by single spaces) is one of the operator's. */
    public boolean is(Op op, String phrase) {
        return phrases.getOrDefault(op, Set.of()).contains(phrase);
    }

    /** Whether the phrase belongs to any of the operators. */
    public boolean any(String phrase, Op... ops) {
        for (Op op : ops) {
            if (is(op, phrase)) {
                return true;
            }
        }
        return false;
    }

    /** Every operator of question reading the phrase belongs to. */
    public Set<Op> ops(String phrase) {
        Set<Op> out = new HashSet<>();
        phrases.forEach((op, set) -> {
            if (op.question() && set.contains(phrase)) {
                out.add(op);
            }
        });
        return out;
    }

    /** Whether the word is any function word of question reading at all. */
    public boolean functionWord(String word) {
        return !ops(word).isEmpty();
    }

    /** The operator's phrases, those of more words first (then in the order written), for matching openers. */
    public List<String> phrases(Op op) {
        return phrases.getOrDefault(op, Set.of()).stream()
                .sorted(Comparator.comparingInt((String p) -> -p.split(" ").length)).toList();
    }

    /** The most words a phrase of question reading has. */
    public int longest() {
        return longest;
    }

    static Lexicon load(String resource) {
        Map<Op, Set<String>> out = new EnumMap<>(Op.class);
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing planner lexicon " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String l = line.strip();
                int colon = l.indexOf(':');
                if (l.isEmpty() || l.startsWith("#") || colon < 0) {
                    continue;
                }
                Op op = Op.valueOf(l.substring(0, colon).strip().toUpperCase(Locale.ROOT));
                List<String> words = new ArrayList<>();
                for (String w : l.substring(colon + 1).split(",")) {
                    String folded = fold(w);
                    if (!folded.isEmpty()) {
                        words.add(folded);
                    }
                }
                out.computeIfAbsent(op, k -> new LinkedHashSet<>()).addAll(words);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.replaceAll((k, v) -> Collections.unmodifiableSet(v));
        return new Lexicon(out);
    }

    /** The key a token or phrase is compared by: lower case, apostrophes dropped, single spaces. */
    public static String fold(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replace("'", "").replaceAll("\\s+", " ");
    }
}
