package io.groundgate.grounding.local.linking;

import java.util.List;

/**
 * A span of the question linked to the graph. One span may name an entity, a class and a property at once (e.g. a word
 * that is both a class label and a property label); the planner picks the reading that fits.
 *
 * @param text the span as written
 * @param firstToken index of its first token
 * @param lastToken index of its last token
 * @param entities entities it names, best first
 * @param classes classes it names
 * @param properties properties it names
 * @param fuzzy whether the entity match tolerated a typo
 */
public record Mention(String text, int firstToken, int lastToken, List<EntityRef> entities, List<String> classes,
        List<String> properties, boolean fuzzy) {

    public Mention {
        entities = List.copyOf(entities);
        classes = List.copyOf(classes);
        properties = List.copyOf(properties);
    }

    /** An entity a span names. */
    public record EntityRef(String iri, String label, List<String> types, double score) {
        public EntityRef {
            types = List.copyOf(types);
        }
    }

    public boolean namesEntity() {
        return !entities.isEmpty();
    }
}
