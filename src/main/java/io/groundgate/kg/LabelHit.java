package io.groundgate.kg;

import java.util.List;

/**
 * One entity found by label.
 *
 * @param iri the entity
 * @param label its preferred label (English or untagged when it has one)
 * @param matched the label text that matched, as written in the data
 * @param lang the matched label's language tag, empty when none
 * @param match how it matched
 * @param score 0..1, 1 for an exact match of a preferred-language label
 * @param types the entity's rdf:type IRIs (including inferred superclasses)
 */
public record LabelHit(String iri, String label, String matched, String lang, Match match, double score,
        List<String> types) {

    /** How a label matched. */
    public enum Match {
        /** Equal after folding case, accents and punctuation. */
        EXACT,
        /** The label starts with the text. */
        PREFIX,
        /** Within a small edit distance. */
        FUZZY
    }

    public LabelHit {
        types = types == null ? List.of() : List.copyOf(types);
    }
}
