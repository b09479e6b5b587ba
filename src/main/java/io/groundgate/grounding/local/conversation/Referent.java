package io.groundgate.grounding.local.conversation;

import java.util.List;

import io.groundgate.kg.profile.NameText;

/**
 * An entity of the graph mentioned in a turn.
 *
 * @param iri the entity
 * @param name its preferred name in the graph
 * @param types its own classes (not those of the RDF and OWL vocabularies)
 * @param classes those with all their superclasses
 * @param surface the words of the turn that named it
 */
public record Referent(String iri, String name, List<String> types, List<String> classes, String surface) {

    public Referent {
        types = List.copyOf(types);
        classes = List.copyOf(classes);
    }

    /** How to write it: as the turn wrote it when that is its name in another case ("gold" for "Gold"), else its name. */
    public String written() {
        return NameText.key(surface).equals(NameText.key(name))
                ? surface : name;
    }
}
