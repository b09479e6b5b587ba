package io.groundgate.tools.kg;

import java.util.List;
import java.util.Optional;

import io.groundgate.kg.GraphSnapshot;
import io.groundgate.kg.LabelHit;
import io.groundgate.kg.SchemaSummary;

/** Turns what a model wrote for an entity or a class (IRI, prefixed name or label) into an IRI. */
final class EntityResolver {

    private EntityResolver() {
    }

    /** The class a model named: its IRI or prefixed name, or a label of a class in the schema. */
    static Optional<String> classIri(GraphSnapshot snapshot, String text) {
        Optional<String> iri = Terms.iri(text, snapshot.prefixes());
        SchemaSummary schema = snapshot.schema();
        if (iri.isPresent()) {
            return schema.classInfo(iri.get()).isPresent() ? iri : Optional.empty();
        }
        for (LabelHit hit : snapshot.labels().exact(text)) {
            if (schema.classInfo(hit.iri()).isPresent()) {
                return Optional.of(hit.iri());
            }
        }
        return Optional.empty();
    }

    /** Entities whose label equals the text (after folding case and accents). */
    static List<LabelHit> byExactLabel(GraphSnapshot snapshot, String text) {
        return snapshot.labels().exact(text);
    }
}
