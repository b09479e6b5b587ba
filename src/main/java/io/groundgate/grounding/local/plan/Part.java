package io.groundgate.grounding.local.plan;

import java.util.List;

/**
 * The answer to one sub-question.
 *
 * @param text what to say, without citations
 * @param sources the sources of the facts it rests on
 * @param unresolved what could not be grounded, in words (empty when it was answered)
 */
public record Part(String text, List<String> sources, List<String> unresolved) {

    public Part {
        sources = List.copyOf(sources);
        unresolved = List.copyOf(unresolved);
    }

    public static Part answered(String text, List<String> sources) {
        return new Part(text, sources, List.of());
    }

    public static Part notFound(String what) {
        return new Part("I could not find " + what + " in the knowledge graph.", List.of(), List.of(what));
    }

    public static Part unclear(String text, String what) {
        return new Part(text, List.of(), List.of(what));
    }

    public boolean grounded() {
        return unresolved.isEmpty();
    }
}
