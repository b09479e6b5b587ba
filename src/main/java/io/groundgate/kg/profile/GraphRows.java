package io.groundgate.kg.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * Where a profile reads the default graph from. A graph in this process is read directly through {@link Graph#find}:
 * no query parsing, planning or binding per row, which is most of what a SELECT costs on small reads. A remote endpoint
 * is read through SELECT queries that return the same triples in the same order, so a profile does not depend on the
 * store. Terms in patterns are IRIs or literals (a remote endpoint cannot address blank nodes); everything that has to
 * follow blank nodes is one of the operations below, which a remote endpoint answers with one query.
 */
public interface GraphRows {

    /** Hands every triple matching the pattern ({@code null} for any term) to the consumer. */
    void find(Node s, Node p, Node o, Consumer<Triple> triple);

    /** The triples of the first {@code limit} instances of a class (in the order the store lists them). */
    void instanceTriples(String classIri, int limit, Consumer<Triple> triple);

    /**
     * The triples of the objects that the first {@code limit} instances of a class have for a property: at most
     * {@code maxTriples}, each as (object, property, value).
     */
    void objectTriples(String classIri, int limit, String property, int maxTriples, Consumer<Triple> triple);

    /**
     * Declared domains or ranges ({@code kind} is rdfs:domain or rdfs:range), with the members of an
     * {@code owl:unionOf} class, once each: (property, kind, class) with IRIs only.
     */
    void declared(String kind, Consumer<Triple> triple);

    /** How many triples use each predicate. */
    Map<Node, Long> predicateCounts();

    /** Runs a SELECT (aggregates over all instances of a class) and hands every row to the consumer. */
    void select(Query query, Consumer<Binding> row);

    /** Parses and runs a SELECT. */
    default void select(String sparql, Consumer<Binding> row) {
        select(QueryFactory.create(sparql), row);
    }

    /**
     * Reads a graph directly, one reader per build (it keeps the nodes' triples it read, for the classes and probes that
     * read them again). The caller holds whatever read transaction the store needs while the profile builds.
     */
    static GraphRows of(Graph graph) {
        return new Local(graph);
    }

    /** Reads a dataset's default graph directly (tests, tools). */
    static GraphRows of(DatasetGraph dataset) {
        return of(dataset.getDefaultGraph());
    }

    /** Reads through SELECT queries (a remote endpoint): {@code select} runs one query and streams its rows. */
    static GraphRows sparql(BiConsumer<Query, Consumer<Binding>> select) {
        return new Remote(select);
    }

    /** A graph in this process. */
    final class Local implements GraphRows {
        private static final Node UNION_OF = NodeFactory.createURI(ProfileBuilder.OWL + "unionOf");
        private static final Node FIRST = NodeFactory.createURI(ProfileBuilder.RDF + "first");
        private static final Node REST = NodeFactory.createURI(ProfileBuilder.RDF + "rest");
        private static final Node TYPE = NodeFactory.createURI(ProfileBuilder.RDF_TYPE);
        /** Stops a malformed (cyclic) list. */
        private static final int MAX_LIST = 10_000;

        /** Triples kept for nodes read more than once in one build (a class's sample and its superclasses'). */
        private static final int MAX_CACHED_TRIPLES = 1_000_000;
        private static final Triple[] NONE = new Triple[0];

        private final Graph graph;
        /** A class's first instances, per class and limit: the sample and the value-node probe list the same ones. */
        private final Map<String, List<Node>> instanceLists = new HashMap<>();
        /** {@code find(node, ANY, ANY)} per node, in the store's order: read once per build. */
        private final Map<Node, Triple[]> nodeTriples = new HashMap<>();
        private int cachedTriples;

        private Local(Graph graph) {
            this.graph = graph;
        }

        @Override
        public void find(Node s, Node p, Node o, Consumer<Triple> triple) {
            ExtendedIterator<Triple> it = graph.find(any(s), any(p), any(o));
            try {
                while (it.hasNext()) {
                    triple.accept(it.next());
                }
            } finally {
                it.close();
            }
        }

        @Override
        public void instanceTriples(String classIri, int limit, Consumer<Triple> triple) {
            for (Node s : instances(classIri, limit)) {
                for (Triple t : triplesOf(s)) {
                    triple.accept(t);
                }
            }
        }

        @Override
        public void objectTriples(String classIri, int limit, String property, int maxTriples,
                Consumer<Triple> triple) {
            Node p = NodeFactory.createURI(property);
            int[] left = { maxTriples };
            for (Node s : instances(classIri, limit)) {
                for (Node object : objectsOf(s, p)) {
                    for (Triple t : triplesOf(object)) {
                        if (left[0] <= 0) {
                            return;
                        }
                        left[0]--;
                        triple.accept(t);
                    }
                }
                if (left[0] <= 0) {
                    return;
                }
            }
        }

        /**
         * {@code find(s, p, ANY)}'s objects. Taken from the subject's triples read with its class's sample when it has
         * at most one value (no order to keep); several values are read in the store's own order for the pattern.
         */
        private List<Node> objectsOf(Node s, Node p) {
            Node only = null;
            int found = 0;
            for (Triple t : triplesOf(s)) {
                if (t.getPredicate().equals(p)) {
                    only = t.getObject();
                    found++;
                }
            }
            if (found <= 1) {
                return found == 0 ? List.of() : List.of(only);
            }
            List<Node> objects = new ArrayList<>(found);
            find(s, p, null, t -> objects.add(t.getObject()));
            return objects;
        }

        /** The direct IRIs first, then the members of each union, as the SPARQL UNION of {@link Remote} lists them. */
        @Override
        public void declared(String kind, Consumer<Triple> triple) {
            Node k = NodeFactory.createURI(kind);
            Set<Triple> seen = new LinkedHashSet<>();
            find(null, k, null, t -> {
                if (t.getSubject().isURI() && t.getObject().isURI()) {
                    seen.add(t);
                }
            });
            find(null, k, null, t -> {
                if (t.getSubject().isURI()) {
                    find(t.getObject(), UNION_OF, null, u -> {
                        Node list = u.getObject();
                        for (int i = 0; i < MAX_LIST && list != null; i++) {
                            Node member = single(list, FIRST);
                            if (member != null && member.isURI()) {
                                seen.add(Triple.create(t.getSubject(), k, member));
                            }
                            list = single(list, REST);
                        }
                    });
                }
            });
            seen.forEach(triple);
        }

        /** One pass over all triples: far cheaper than a GROUP BY, which makes a binding per triple. */
        @Override
        public Map<Node, Long> predicateCounts() {
            Map<Node, long[]> counts = new HashMap<>();
            find(null, null, null, t -> counts.computeIfAbsent(t.getPredicate(), x -> new long[1])[0]++);
            Map<Node, Long> out = new LinkedHashMap<>();
            counts.forEach((p, n) -> out.put(p, n[0]));
            return out;
        }

        @Override
        public void select(Query query, Consumer<Binding> row) {
            try (QueryExec exec = QueryExec.graph(graph).query(query).build()) {
                RowSet rows = exec.select();
                while (rows.hasNext()) {
                    row.accept(rows.next());
                }
            }
        }

        /** A node's triples, from the cache when read before in this build (the same objects recur as values). */
        private Triple[] triplesOf(Node node) {
            Triple[] cached = nodeTriples.get(node);
            if (cached != null) {
                return cached;
            }
            List<Triple> read = new ArrayList<>();
            find(node, null, null, read::add);
            Triple[] triples = read.isEmpty() ? NONE : read.toArray(Triple[]::new);
            if (cachedTriples + triples.length <= MAX_CACHED_TRIPLES) {
                nodeTriples.put(node, triples);
                cachedTriples += triples.length;
            }
            return triples;
        }

        private List<Node> instances(String classIri, int limit) {
            return instanceLists.computeIfAbsent(classIri + " " + limit, k -> readInstances(classIri, limit));
        }

        private List<Node> readInstances(String classIri, int limit) {
            List<Node> out = new ArrayList<>(Math.min(limit, 1024));
            ExtendedIterator<Triple> it = graph.find(Node.ANY, TYPE, NodeFactory.createURI(classIri));
            try {
                while (out.size() < limit && it.hasNext()) {
                    out.add(it.next().getSubject());
                }
            } finally {
                it.close();
            }
            return out;
        }

        private Node single(Node s, Node p) {
            ExtendedIterator<Triple> it = graph.find(s, p, Node.ANY);
            try {
                return it.hasNext() ? it.next().getObject() : null;
            } finally {
                it.close();
            }
        }

        private static Node any(Node n) {
            return n == null ? Node.ANY : n;
        }
    }

    /** A SPARQL endpoint: each operation is one SELECT (or one per pattern). */
    final class Remote implements GraphRows {
        private static final Var S = Var.alloc("s");
        private static final Var P = Var.alloc("p");
        private static final Var O = Var.alloc("o");
        private static final String PREFIXES = "PREFIX rdf: <" + ProfileBuilder.RDF + ">\nPREFIX owl: <"
                + ProfileBuilder.OWL + ">\n";

        private final BiConsumer<Query, Consumer<Binding>> select;

        private Remote(BiConsumer<Query, Consumer<Binding>> select) {
            this.select = select;
        }

        @Override
        public void find(Node s, Node p, Node o, Consumer<Triple> triple) {
            select("SELECT * WHERE { " + term(s, "?s") + " " + term(p, "?p") + " " + term(o, "?o") + " }",
                    b -> triple.accept(Triple.create(bound(s, b, S), bound(p, b, P), bound(o, b, O))));
        }

        @Override
        public void instanceTriples(String classIri, int limit, Consumer<Triple> triple) {
            select("SELECT ?s ?p ?o WHERE { { SELECT ?s WHERE { ?s a <" + classIri + "> } LIMIT " + limit
                    + " } ?s ?p ?o }", b -> triple.accept(Triple.create(b.get(S), b.get(P), b.get(O))));
        }

        @Override
        public void objectTriples(String classIri, int limit, String property, int maxTriples,
                Consumer<Triple> triple) {
            select("SELECT ?s ?p ?o WHERE { { SELECT ?x WHERE { ?x a <" + classIri + "> } LIMIT " + limit + " } ?x <"
                    + property + "> ?s . ?s ?p ?o } LIMIT " + maxTriples,
                    b -> triple.accept(Triple.create(b.get(S), b.get(P), b.get(O))));
        }

        @Override
        public void declared(String kind, Consumer<Triple> triple) {
            Node k = NodeFactory.createURI(kind);
            select(PREFIXES + "SELECT DISTINCT ?s ?o WHERE { { ?s <" + kind + "> ?o } UNION { ?s <" + kind
                    + "> ?x . ?x owl:unionOf/rdf:rest*/rdf:first ?o } FILTER(isIRI(?s) && isIRI(?o)) }",
                    b -> triple.accept(Triple.create(b.get(S), k, b.get(O))));
        }

        @Override
        public Map<Node, Long> predicateCounts() {
            Map<Node, Long> out = new LinkedHashMap<>();
            select("SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p",
                    b -> out.put(b.get(P), ((Number) b.get(Var.alloc("n")).getLiteralValue()).longValue()));
            return out;
        }

        @Override
        public void select(Query query, Consumer<Binding> row) {
            select.accept(query, row);
        }

        private static String term(Node n, String var) {
            return n == null ? var : NodeFmtLib.strNT(n);
        }

        private static Node bound(Node fixed, Binding b, Var v) {
            return fixed == null ? b.get(v) : fixed;
        }
    }
}
