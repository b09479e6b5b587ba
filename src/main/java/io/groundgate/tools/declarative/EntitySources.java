package io.groundgate.tools.declarative;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

import io.groundgate.kg.GraphSnapshot;
import io.groundgate.kg.QueryLimits;
import io.groundgate.kg.SparqlGuard;

/** The {@code dcterms:source} an entity cites itself, if any. */
final class EntitySources {

    private static final Var E = Var.alloc("e");
    private static final Var SOURCE = Var.alloc("source");
    private static final Query SOURCES = SparqlGuard.parse(
            "SELECT DISTINCT ?source WHERE { ?e <http://purl.org/dc/terms/source> ?source FILTER isIRI(?source) }");

    private EntitySources() {
    }

    static Set<String> of(GraphSnapshot snapshot, Collection<Node> entities) {
        Set<String> sources = new LinkedHashSet<>();
        for (Node e : entities) {
            if (e.isURI()) {
                for (Binding b : snapshot.query(SOURCES, Map.of(E, e), QueryLimits.of(null, 20)).rows()) {
                    sources.add(b.get(SOURCE).getURI());
                }
            }
        }
        return sources;
    }
}
