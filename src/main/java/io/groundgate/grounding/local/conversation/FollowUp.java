package io.groundgate.grounding.local.conversation;

import java.util.List;
import java.util.stream.Collectors;

/** What a message means once earlier turns are taken into account. */
public sealed interface FollowUp {

    /** The question for the planner. */
    String question();

    /** The message stands on its own (or nothing earlier could be referred to). */
    record Standalone(String question) implements FollowUp {
    }

    /**
     * The message referred to earlier turns; {@link #question()} says it in full.
     *
     * @param question the standalone question
     * @param original the message as written
     * @param substitutions what was replaced by what
     */
    record Resolved(String question, String original, List<Substitution> substitutions) implements FollowUp {
        public Resolved {
            substitutions = List.copyOf(substitutions);
        }

        /** In words, for the grounding: {@code resolved "them" to A and B}. */
        public String describe() {
            return substitutions.stream().map(Substitution::describe).collect(Collectors.joining("; "));
        }
    }

    /**
     * A phrase could refer to several things said earlier: asking beats guessing.
     *
     * @param question the message as written
     * @param phrase the words that could not be resolved
     * @param candidates what they could refer to
     */
    record Ambiguous(String question, String phrase, List<Referent> candidates) implements FollowUp {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }

        /** The answer to give: which readings there are, and a question back. */
        public String message() {
            return "I am not sure what \"" + phrase + "\" refers to here: " + Names.join(candidates, "or")
                    + ". Please ask again with the one you mean.";
        }
    }

    /**
     * One phrase replaced.
     *
     * @param phrase the words of the message
     * @param replacement the words put in their place
     * @param referents the entities they stand for (empty when they stand for an earlier question's phrase)
     */
    record Substitution(String phrase, String replacement, List<Referent> referents) {
        public Substitution {
            referents = List.copyOf(referents);
        }

        String describe() {
            return "resolved \"" + phrase + "\" to " + (referents.isEmpty() ? "\"" + replacement + "\""
                    : Names.join(referents, "and"));
        }
    }
}
