package io.groundgate.tools.kg;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;

import io.groundgate.kg.GraphSnapshot;
import io.groundgate.kg.QueryLimits;
import io.groundgate.kg.SparqlGuard;

/**
 * The facts an answer rests on: each simple triple pattern of the query, instantiated with the bound arguments and a
 * result row, when that leaves no variable open. Patterns behind aggregates or property paths yield none.
 */
public final class QueryFacts {

    private static final Query EXISTS = SparqlGuard.parse("ASK { ?s ?p ?o }");
    private static final Var S = Var.alloc("s");
    private static final Var P = Var.alloc("p");
    private static final Var O = Var.alloc("o");

    private final List<Triple> patterns;

    public QueryFacts(Query query) {
        List<Triple> list = new ArrayList<>();
        if (query.getQueryPattern() != null) {
            ElementWalker.walk(query.getQueryPattern(), new ElementVisitorBase() {
                @Override
                public void visit(ElementPathBlock el) {
                    for (TriplePath tp : el.getPattern().getList()) {
                        if (tp.isTriple()) {
                            list.add(tp.asTriple());
                        }
                    }
                }
            });
        }
        this.patterns = List.copyOf(list);
    }

    /**
     * The instantiated triples that the graph holds (a pattern under MINUS or in a branch that did not match would
     * otherwise pass for a fact), at most {@code max}, in query and row order.
     */
    public List<Triple> facts(GraphSnapshot snapshot, Map<Var, Node> bindings, List<Binding> rows, int max) {
        List<Triple> held = new ArrayList<>();
        for (Triple t : candidates(bindings, rows, max)) {
            if (snapshot.query(EXISTS, Map.of(S, t.getSubject(), P, t.getPredicate(), O, t.getObject()),
                    QueryLimits.SERVER_MAX).ask()) {
                held.add(t);
            }
        }
        return held;
    }

    Set<Triple> candidates(Map<Var, Node> bindings, List<Binding> rows, int max) {
        Set<Triple> facts = new LinkedHashSet<>();
        for (Binding row : rows) {
            for (Triple t : patterns) {
                Node s = value(t.getSubject(), bindings, row);
                Node p = value(t.getPredicate(), bindings, row);
                Node o = value(t.getObject(), bindings, row);
                if (s != null && p != null && o != null && p.isURI() && !s.isLiteral()) {
                    facts.add(Triple.create(s, p, o));
                    if (facts.size() >= max) {
                        return facts;
                    }
                }
            }
        }
        return facts;
    }

    private static Node value(Node n, Map<Var, Node> bindings, Binding row) {
        if (!n.isVariable()) {
            return n.isBlank() ? null : n;
        }
        Var v = Var.alloc(n);
        Node bound = bindings.get(v);
        return bound != null ? bound : row.get(v);
    }
}
