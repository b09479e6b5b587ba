package io.groundgate.grounding.local.conversation;

import java.util.List;
import java.util.Set;

/**
 * The only English the follow-up resolver knows: pronouns, determiners, auxiliaries, prepositions and the openers of
 * elliptical questions. Every content word (entity and class names) comes from the graph's profile.
 */
public final class FunctionWords {

    /** Pronouns that stand for one thing. */
    static final Set<String> SINGULAR = Set.of("it", "its");
    /** Pronouns that stand for several things. */
    static final Set<String> PLURAL = Set.of("them", "they", "their", "theirs");
    /** Possessive pronouns: "its X" reads "the X of …". */
    static final Set<String> POSSESSIVE = Set.of("its", "their");
    /** Demonstratives that stand for the previous answer when alone, or pick a referent before a class name. */
    static final Set<String> DEMONSTRATIVE_SINGULAR = Set.of("that", "this");
    static final Set<String> DEMONSTRATIVE_PLURAL = Set.of("those", "these");
    /** "the same X", "said X". */
    static final Set<String> DEFINITE = Set.of("same", "said");

    /** Openers of an elliptical follow-up ("and of X?", "what about X?"), longest first. */
    static final List<String> ELLIPSIS_OPENERS = List.of("and what about", "and how about", "what about",
            "how about", "and for", "and of", "and in", "same for", "and");
    /** Prepositions an elliptical remainder may start with ("what about for X"). */
    static final Set<String> LEADING_PREPOSITIONS = Set.of("of", "for", "in", "with", "on");

    /** Question openers removed to turn a question into the phrase it asks about ("what is the X of Y" → "the X of Y"). */
    static final List<String> QUESTION_OPENERS = List.of("what is", "what are", "what was", "what were", "what's",
            "tell me", "give me", "show me", "how much is", "how many are", "which is", "who is", "what");

    /** Words after which a lone "that"/"this" is a pronoun, not a relative or a determiner. */
    static final Set<String> BEFORE_PRONOUN = Set.of("is", "was", "are", "were", "does", "did", "do", "of", "than",
            "to", "as", "in", "convert", "and", "express", "be", "make", "makes", "would");
    /** Words that may follow a pronoun "that"/"this" (besides comparatives and the end of the sentence). */
    static final Set<String> AFTER_PRONOUN = Set.of("is", "was", "in", "to", "into", "than", "as", "more", "less",
            "higher", "lower", "bigger", "smaller", "larger", "greater", "much", "many", "compare", "compared",
            "divided", "times", "plus", "minus", "over", "per", "and", "or", "mean", "expressed", "converted");

    /** Words never read as the name of an entity on their own. */
    static final Set<String> STOP = Set.of("a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by",
            "with", "from", "as", "is", "are", "was", "were", "be", "been", "it", "its", "they", "them", "their", "he",
            "she", "him", "her", "his", "we", "us", "you", "i", "me", "my", "our", "your", "this", "that", "these",
            "those", "what", "which", "who", "whom", "whose", "how", "why", "when", "where", "do", "does", "did", "no",
            "not", "yes", "so", "if", "than", "then", "there", "here", "has", "have", "had", "can", "could", "would",
            "will", "shall", "should", "may", "might", "must", "about", "all", "any", "some", "each", "every", "more",
            "most", "less", "least", "much", "many", "one", "same", "other", "also", "up", "out", "per", "into",
            "over", "under", "between");

    private FunctionWords() {
    }

    /** Whether a lower-case word is a function word of this lexicon. */
    public static boolean isFunctionWord(String lower) {
        return STOP.contains(lower) || pronoun(lower) || AFTER_PRONOUN.contains(lower) || BEFORE_PRONOUN.contains(lower);
    }

    static boolean pronoun(String lower) {
        return SINGULAR.contains(lower) || PLURAL.contains(lower);
    }
}
