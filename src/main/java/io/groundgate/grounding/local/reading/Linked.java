package io.groundgate.grounding.local.reading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.groundgate.grounding.local.reading.Lexicon.Op;

/**
 * A question with its words linked: function words to operators, names to entities and values of the graph, numbers
 * (with units), and the content words left for the schema (classes and properties) to explain.
 *
 * @param text the question
 * @param words its words, in order
 * @param anchors names of entities or values, in question order
 * @param numbers numbers, with the unit written after them if any
 * @param askedUnit the unit the answer is asked in ("… in seconds"), or null
 * @param unitWords the positions of the words that name the asked unit (empty when none)
 */
public record Linked(String text, List<Word> words, List<Anchor> anchors, List<NumberMention> numbers,
        String askedUnit, List<Integer> unitWords) {

    public Linked {
        words = List.copyOf(words);
        anchors = List.copyOf(anchors);
        numbers = List.copyOf(numbers);
        unitWords = List.copyOf(unitWords);
    }

    /**
     * One word.
     *
     * @param text as written
     * @param key folded
     * @param ops the operators it belongs to (alone or as part of a phrase); empty for a content word
     * @param role what explains it so far
     */
    public record Word(String text, String key, Set<Op> ops, Role role) {
        public Word {
            ops = Set.copyOf(ops);
        }
    }

    /** What a word is, as far as linking can tell. */
    public enum Role {
        /** A function word of the lexicon. */
        OPERATOR,
        /** Part of a name of an entity or value. */
        ANCHOR,
        /** A number or the unit written after it, or the unit the answer is asked in. */
        NUMBER,
        /** A content word: the schema must explain it. */
        CONTENT
    }

    /** A name in the question that refers to an entity or a value of the graph. */
    public sealed interface Anchor permits EntityAnchor, ValueAnchor {
        int first();

        int last();

        String text();

        double score();
    }

    /**
     * Entities a span names; several when the name is shared (then the planner asks which one).
     *
     * @param candidates the entities, best first; more than one only when they matched equally well
     * @param fuzzy whether the name matched with a typo
     */
    public record EntityAnchor(int first, int last, String text, List<Candidate> candidates, double score,
            boolean fuzzy) implements Anchor {
        public EntityAnchor {
            candidates = List.copyOf(candidates);
        }

        public boolean ambiguous() {
            return candidates.size() > 1;
        }

        public Candidate best() {
            return candidates.get(0);
        }
    }

    /** An entity a name refers to, with its classes. */
    public record Candidate(String iri, String name, List<String> classes) {
        public Candidate {
            classes = List.copyOf(classes);
        }
    }

    /**
     * A categorical value written in the question ("Switzerland" as the value of a country property).
     *
     * @param property the property whose value it is
     * @param value the value as written in the data
     * @param classes the classes whose instances have it
     */
    public record ValueAnchor(int first, int last, String text, String property, String value, List<String> classes,
            double score) implements Anchor {
        public ValueAnchor {
            classes = List.copyOf(classes);
        }
    }

    /**
     * A number in the question.
     *
     * @param index its word
     * @param value the number
     * @param unit the unit written right after it (calculator syntax), or null
     */
    public record NumberMention(int index, BigDecimal value, String unit) {
    }

    /** Whether some word belongs to the operator. */
    public boolean has(Op op) {
        return words.stream().anyMatch(w -> w.ops().contains(op));
    }

    /** Positions of the content words. */
    public List<Integer> content() {
        return IntStream.range(0, words.size()).filter(i -> words.get(i).role() == Role.CONTENT)
                .boxed().toList();
    }

    /** Runs of adjacent content words, each as a phrase with its word positions. */
    public List<Phrase> phrases() {
        List<Phrase> out = new ArrayList<>();
        List<Integer> run = new ArrayList<>();
        for (int i = 0; i <= words.size(); i++) {
            if (i < words.size() && words.get(i).role() == Role.CONTENT) {
                run.add(i);
            } else if (!run.isEmpty()) {
                out.add(new Phrase(run.stream().map(j -> words.get(j).text()).collect(Collectors.joining(" ")),
                        List.copyOf(run)));
                run.clear();
            }
        }
        return out;
    }

    public List<EntityAnchor> entities() {
        return anchors.stream().filter(EntityAnchor.class::isInstance).map(EntityAnchor.class::cast).toList();
    }

    public List<ValueAnchor> values() {
        return anchors.stream().filter(ValueAnchor.class::isInstance).map(ValueAnchor.class::cast).toList();
    }

    /**
     * Content words that belong together.
     *
     * @param text the words as written
     * @param positions their word positions
     */
    public record Phrase(String text, List<Integer> positions) {
        public Phrase {
            positions = List.copyOf(positions);
        }
    }
}
