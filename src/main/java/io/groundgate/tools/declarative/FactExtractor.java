package io.groundgate.tools.declarative;

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

/**
 * The facts an answer rests on: each simple triple pattern of the query, instantiated with the bound arguments and a
 * result row, when that leaves no variable open. Patterns behind aggregates or property paths yield none.
 */
final class FactExtractor {

    private final List<Triple> patterns;

    FactExtractor(Query query) {
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

    Set<Triple> facts(Map<Var, Node> bindings, List<Binding> rows, int max) {
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
