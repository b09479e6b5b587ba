package io.groundgate.grounding.local.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.groundgate.grounding.local.linking.LinkedQuestion;
import io.groundgate.grounding.local.linking.Mention;
import io.groundgate.grounding.local.linking.Quantity;
import io.groundgate.grounding.local.linking.Words;

/**
 * The grammatical cues of a linked sub-question: is it a count, a superlative, a comparison, a list; which words carry
 * the quality asked about ("denser", "largest"). Reads only words not already linked to the graph.
 */
public final class Cues {

    private static final Set<String> MORE_WORDS = Set.of("more", "less", "fewer", "greater", "before", "after");
    private static final Set<String> MOST_WORDS = Set.of("most", "least", "maximum", "minimum", "max", "min", "top");

    private final LinkedQuestion q;
    private final boolean[] consumed;

    public Cues(LinkedQuestion q) {
        this.q = q;
        this.consumed = new boolean[q.tokens().size()];
        for (Mention m : q.mentions()) {
            for (int i = m.firstToken(); i <= m.lastToken(); i++) {
                consumed[i] = true;
            }
        }
        q.askedUnitTokens().forEach(i -> consumed[i] = true);
        for (Quantity quantity : q.quantities()) {
            for (int i = Math.max(0, quantity.tokenIndex() - (quantity.unit().contains("^") ? 2 : 1));
                    i <= quantity.tokenIndex(); i++) {
                consumed[i] = true;
            }
        }
    }

    private boolean open(int i, String key) {
        return !consumed[i] && q.tokens().get(i).key().equals(key);
    }

    /** "how many …", or "number of …" at the start. */
    public boolean count() {
        for (int i = 0; i + 1 < q.tokens().size(); i++) {
            if (open(i, "how") && open(i + 1, "many") || i == 0 && open(i, "number") && open(i + 1, "of")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the cue orders in time ("before", "after"), which reads without "than". */
    public static boolean temporal(Words.Token cue) {
        return cue.key().equals("before") || cue.key().equals("after");
    }

    /** "list …", "which …", "what are …", "name …". */
    public boolean list() {
        List<Words.Token> t = q.tokens();
        if (t.isEmpty()) {
            return false;
        }
        String first = t.get(0).key();
        return first.equals("list") || first.equals("name") || first.equals("which")
                || first.equals("what") && t.size() > 1 && t.get(1).key().equals("are");
    }

    /** The word that makes this a superlative ("largest", "most"), if any. */
    public Optional<Words.Token> superlative() {
        for (int i = 0; i < q.tokens().size(); i++) {
            Words.Token t = q.tokens().get(i);
            if (consumed[i]) {
                continue;
            }
            if (MOST_WORDS.contains(t.key()) || t.key().endsWith("est") && !Words.adjectiveBases(t.key()).isEmpty()) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The word that makes this a comparison ("denser", "larger … than"), if any. */
    public Optional<Words.Token> comparative() {
        return comparative(true);
    }

    /** A comparative word; with {@code requireContrast}, only when "than", "or", "compare" … say two things are weighed. */
    public Optional<Words.Token> comparative(boolean requireContrast) {
        boolean contrast = q.has("than") || q.has("or") || q.has("compare") || q.has("vs") || q.has("versus")
                || q.has("between") || q.has("among");
        if (requireContrast && !contrast) {
            return Optional.empty();
        }
        for (int i = 0; i < q.tokens().size(); i++) {
            Words.Token t = q.tokens().get(i);
            if (!consumed[i] && (MORE_WORDS.contains(t.key())
                    || t.key().endsWith("er") && !t.stop() && !Words.adjectiveBases(t.key()).isEmpty())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The arithmetic an aggregate question asks for over several entities' values, if any. */
    public Optional<Aggregate> aggregate() {
        for (int i = 0; i < q.tokens().size(); i++) {
            if (consumed[i]) {
                continue;
            }
            String k = q.tokens().get(i).key();
            switch (k) {
                case "difference", "differ", "differs", "apart", "subtract", "minus":
                    return Optional.of(Aggregate.DIFFERENCE);
                case "combined", "together", "sum":
                    return Optional.of(Aggregate.SUM);
                case "ratio", "times":
                    return Optional.of(Aggregate.RATIO);
                case "much":
                    if (i > 0 && q.tokens().get(i - 1).key().equals("how") && comparative(false).isPresent()) {
                        return Optional.of(Aggregate.DIFFERENCE);
                    }
                    break;
                default:
                    break;
            }
        }
        return Optional.empty();
    }

    /** Arithmetic over the values of several entities. */
    public enum Aggregate {
        DIFFERENCE, SUM, RATIO
    }

    /** Whether the question asks for the smaller end ("lowest", "less", "lighter"). */
    public static boolean lower(Words.Token cue) {
        return Words.lowerDirection(cue.key());
    }

    /**
     * Phrases that may name the quality asked about, for linking a property by meaning: the base forms of a
     * comparative or superlative word ("denser" → "dense"), then the question's unlinked words.
     */
    public List<String> qualityPhrases(Optional<Words.Token> cue) {
        List<String> phrases = new ArrayList<>();
        cue.ifPresent(t -> phrases.addAll(Words.adjectiveBases(t.key())));
        StringBuilder free = new StringBuilder();
        for (Words.Token t : q.free()) {
            if (cue.isPresent() && t.equals(cue.get()) || MOST_WORDS.contains(t.key())) {
                continue;
            }
            free.append(free.isEmpty() ? "" : " ").append(t.text());
        }
        if (!free.isEmpty()) {
            phrases.add(free.toString());
            if (cue.isPresent() && !Words.adjectiveBases(cue.get().key()).isEmpty()) {
                phrases.add(Words.adjectiveBases(cue.get().key()).get(0) + " " + free);
            }
        }
        return phrases;
    }

    /** The unlinked words, as written, for saying what could not be found. */
    public String unlinkedWords() {
        StringBuilder out = new StringBuilder();
        for (Words.Token t : q.free()) {
            if (!MOST_WORDS.contains(t.key()) && Words.adjectiveBases(t.key()).isEmpty() && !t.number()) {
                out.append(out.isEmpty() ? "" : " ").append(t.text());
            }
        }
        return out.toString();
    }
}
