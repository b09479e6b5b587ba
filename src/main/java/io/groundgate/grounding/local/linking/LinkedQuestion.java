package io.groundgate.grounding.local.linking;

import java.util.List;

/**
 * A sub-question with its words linked to the graph.
 *
 * @param text the sub-question
 * @param tokens its words
 * @param mentions linked spans, in question order
 * @param quantities amounts with units
 * @param free words not linked to anything and not function words (evidence for a property by meaning)
 * @param problems mentions that could not be linked safely (ambiguous or weak), in words
 * @param askedUnit the unit the answer is asked in ("… in km^2", "how many kelvin …"), or null
 * @param askedUnitTokens the tokens that asked for it
 */
public record LinkedQuestion(String text, List<Words.Token> tokens, List<Mention> mentions, List<Quantity> quantities,
        List<Words.Token> free, List<String> problems, String askedUnit, List<Integer> askedUnitTokens) {

    public LinkedQuestion {
        tokens = List.copyOf(tokens);
        mentions = List.copyOf(mentions);
        quantities = List.copyOf(quantities);
        free = List.copyOf(free);
        problems = List.copyOf(problems);
        askedUnitTokens = List.copyOf(askedUnitTokens);
    }

    public List<Mention> entityMentions() {
        return mentions.stream().filter(Mention::namesEntity).toList();
    }

    public boolean has(String key) {
        return tokens.stream().anyMatch(t -> t.key().equals(key));
    }
}
