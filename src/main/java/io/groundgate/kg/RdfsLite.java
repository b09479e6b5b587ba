package io.groundgate.kg;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * RDFS-lite entailment, materialised once per version: the transitive closure of {@code rdfs:subClassOf} and
 * {@code rdfs:subPropertyOf}, {@code rdf:type} over superclasses, and every triple over superproperties. Domain and
 * range are not used for inference (they would type resources by accident).
 */
final class RdfsLite {

    private RdfsLite() {
    }

    /** The entailed triples that are not already in {@code data}. */
    static Graph entailments(Graph data) {
        Graph out = GraphFactory.createDefaultGraph();
        Map<Node, Set<Node>> superClasses = closure(data, RDFS.subClassOf.asNode());
        Map<Node, Set<Node>> superProperties = closure(data, RDFS.subPropertyOf.asNode());
        superClasses.forEach((c, supers) -> supers.forEach(d -> add(data, out, c, RDFS.subClassOf.asNode(), d)));
        superProperties.forEach((p, supers) -> supers.forEach(q -> add(data, out, p, RDFS.subPropertyOf.asNode(), q)));
        for (Map.Entry<Node, Set<Node>> e : superProperties.entrySet()) {
            List<Triple> uses = data.find(Node.ANY, e.getKey(), Node.ANY).toList();
            for (Triple t : uses) {
                for (Node q : e.getValue()) {
                    add(data, out, t.getSubject(), q, t.getObject());
                }
            }
        }
        Node type = RDF.type.asNode();
        List<Triple> typed = new ArrayList<>();
        data.find(Node.ANY, type, Node.ANY).forEach(typed::add);
        out.find(Node.ANY, type, Node.ANY).forEach(typed::add);
        for (Triple t : typed) {
            Set<Node> supers = superClasses.get(t.getObject());
            if (supers != null) {
                for (Node d : supers) {
                    add(data, out, t.getSubject(), type, d);
                }
            }
        }
        return out;
    }

    private static void add(Graph data, Graph out, Node s, Node p, Node o) {
        if (!data.contains(s, p, o)) {
            out.add(Triple.create(s, p, o));
        }
    }

    /** For each node with a (sub) relation, all nodes reachable over it, excluding itself. */
    private static Map<Node, Set<Node>> closure(Graph data, Node relation) {
        Map<Node, Set<Node>> direct = new HashMap<>();
        data.find(Node.ANY, relation, Node.ANY).forEach(t -> {
            if (!t.getObject().isLiteral()) {
                direct.computeIfAbsent(t.getSubject(), x -> new LinkedHashSet<>()).add(t.getObject());
            }
        });
        Map<Node, Set<Node>> closure = new HashMap<>();
        for (Node start : direct.keySet()) {
            Set<Node> seen = new LinkedHashSet<>();
            Deque<Node> todo = new ArrayDeque<>(direct.get(start));
            while (!todo.isEmpty()) {
                Node n = todo.pop();
                if (!n.equals(start) && seen.add(n)) {
                    todo.addAll(direct.getOrDefault(n, Set.of()));
                }
            }
            if (!seen.isEmpty()) {
                closure.put(start, seen);
            }
        }
        return closure;
    }
}
