package io.groundgate.kg;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;

import io.groundgate.kg.profile.GraphProfile;

/**
 * One immutable version of the knowledge graph: what every query, lookup and description in a request should use.
 * Obtain it from {@link KnowledgeGraph#snapshot()} once per request and keep it, so all answers come from one version.
 * Label index and schema summary are built once, when the version is published. Thread-safe.
 */
public final class GraphSnapshot {

    /** The named graph holding the RDFS entailments. */
    public static final String ENTAILED_GRAPH = "urn:groundgate:graph:entailed";

    private static final Var S = Var.alloc("s");
    private static final Var P = Var.alloc("p");
    private static final Var O = Var.alloc("o");
    private static final Query OUTGOING = QueryFactory
            .create("SELECT ?p ?o ?g WHERE { ?s ?p ?o OPTIONAL { GRAPH ?g { ?s ?p ?o } } }");
    private static final Query INCOMING = QueryFactory
            .create("SELECT ?s ?p ?g WHERE { ?s ?p ?o OPTIONAL { GRAPH ?g { ?s ?p ?o } } }");
    private static final Query COPY_GRAPH = QueryFactory.create("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }");
    private static final Query GRAPHS_OF = QueryFactory.create("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }");

    private final String version;
    private final Instant loadedAt;
    private final SparqlBackend backend;
    private final Duration maxTimeout;
    private final long maxRows;
    private final int maxDepth;
    private final KgMetrics metrics;
    private final Map<String, String> prefixes;
    private volatile List<GraphInfo> graphs;
    private volatile LabelIndex labels = LabelIndex.empty();
    private volatile SchemaSummary schema;
    private volatile GraphProfile profile;
    private final Map<Class<?>, Object> memos = new ConcurrentHashMap<>();

    GraphSnapshot(String version, Instant loadedAt, SparqlBackend backend, Duration maxTimeout, long maxRows,
            int maxDepth, KgMetrics metrics, List<GraphInfo> graphs, Map<String, String> prefixes) {
        this.version = version;
        this.loadedAt = loadedAt;
        this.backend = backend;
        this.maxTimeout = maxTimeout;
        this.maxRows = maxRows;
        this.maxDepth = maxDepth;
        this.metrics = metrics;
        this.graphs = List.copyOf(graphs);
        this.prefixes = Map.copyOf(prefixes);
        this.schema = new SchemaSummary(this.prefixes, List.of(), List.of(), "");
        this.profile = GraphProfile.empty(version, this.prefixes);
    }

    /** Called once by the builder before the snapshot is published. */
    void derived(LabelIndex labels, SchemaSummary schema, List<GraphInfo> graphs, GraphProfile profile) {
        this.profile = profile;
        this.labels = labels;
        this.schema = schema;
        this.graphs = List.copyOf(graphs);
    }

    /** A hash of every file's content (and of the shapes): equal versions hold equal data. */
    public String version() {
        return version;
    }

    /** When this version was published. */
    public Instant loadedAt() {
        return loadedAt;
    }

    /** The named graphs of this version, one per file. */
    public List<GraphInfo> graphs() {
        return graphs;
    }

    /** Prefixes declared in the files (plus the usual rdf, rdfs, owl, xsd, skos, dcterms). */
    public Map<String, String> prefixes() {
        return prefixes;
    }

    /** Entity lookup by label. */
    public LabelIndex labels() {
        return labels;
    }

    /** Classes and properties, and their compact text rendering for models. */
    public SchemaSummary schema() {
        return schema;
    }

    /**
     * What the data of this version is: classes, the properties their instances use, kinds, units, value nodes,
     * paths between classes, and a name index over every name. Built with the version, in the background.
     */
    public GraphProfile profile() {
        return profile;
    }

    /**
     * Something a caller derives from this version and keeps with it, made once by whoever asks first: a cache of a
     * version's facts that lives and dies with the version (a version never changes, so it never goes stale).
     */
    public <T> T memo(Class<T> kind, Supplier<T> make) {
        return kind.cast(memos.computeIfAbsent(kind, k -> make.get()));
    }

    /** Runs a query with the server limits. */
    public SparqlResult query(Query query) {
        return query(query, Map.of(), QueryLimits.SERVER_MAX);
    }

    /**
     * Runs a read-only query, fully and within its limits.
     *
     * @param query a parsed query (see {@link SparqlGuard#parse(String)}); it is checked again here
     * @param bindings values for variables, substituted into the query as RDF terms (never as text), so a typed literal
     *        or IRI cannot inject SPARQL
     * @param limits the caller's limits, capped by the server maxima
     * @throws SparqlException REFUSED, TIMEOUT or FAILED
     */
    public SparqlResult query(Query query, Map<Var, Node> bindings, QueryLimits limits) {
        SparqlGuard.check(query, maxDepth);
        QueryLimits capped = (limits == null ? QueryLimits.SERVER_MAX : limits).cappedBy(maxTimeout, maxRows);
        SparqlResult.Form form = formOf(query);
        long start = System.nanoTime();
        String outcome = "failed";
        try {
            SparqlResult result = backend.read(() -> run(query, binding(bindings), capped, form, start));
            outcome = result.truncated() ? "truncated" : "ok";
            return result;
        } catch (SparqlException e) {
            outcome = e.kind().name().toLowerCase();
            throw e;
        } catch (RuntimeException e) {
            SparqlException mapped = map(e, capped.timeout());
            outcome = mapped.kind().name().toLowerCase();
            throw mapped;
        } finally {
            metrics.query(form.name(), outcome, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /**
     * What the graph says about an entity: up to {@code cap} facts with it as subject and up to {@code cap} with it as
     * object, with labels, units, graphs and sources.
     */
    public EntityDescription describe(String iri, int cap) {
        Node node = NodeFactory.createURI(iri);
        int limit = Math.max(1, cap);
        boolean[] truncated = { false };
        Map<Triple, Set<String>> out = collectFacts(OUTGOING, S, node, limit, truncated,
                b -> Triple.create(node, b.get(P), b.get(O)));
        Map<Triple, Set<String>> in = collectFacts(INCOMING, O, node, limit, truncated,
                b -> Triple.create(b.get(S), b.get(P), node));
        List<String> types = new ArrayList<>();
        Set<String> graphIris = new LinkedHashSet<>();
        out.forEach((t, g) -> {
            if (t.getPredicate().equals(RDF.type.asNode()) && t.getObject().isURI()) {
                types.add(t.getObject().getURI());
            }
            graphIris.addAll(g);
        });
        in.values().forEach(graphIris::addAll);
        return new EntityDescription(iri, labels.labelOf(iri).orElse(null), types, facts(out), facts(in),
                truncated[0], sourcesOfGraphs(graphIris));
    }

    /** The cited sources ({@code dcterms:source} of the datasets) of the graphs that hold a fact. */
    public List<String> sources(Triple fact) {
        Map<Var, Node> values = Map.of(S, fact.getSubject(), P, fact.getPredicate(), O, fact.getObject());
        SparqlResult result = query(GRAPHS_OF, values, QueryLimits.SERVER_MAX);
        Set<String> graphIris = new LinkedHashSet<>();
        for (Binding b : result.rows()) {
            Node g = b.get(Var.alloc("g"));
            if (g != null && g.isURI()) {
                graphIris.add(g.getURI());
            }
        }
        return sourcesOfGraphs(graphIris);
    }

    /** The cited sources of the given named graphs. */
    public List<String> sourcesOfGraphs(Collection<String> graphIris) {
        Set<String> sources = new LinkedHashSet<>();
        for (GraphInfo info : graphs) {
            if (graphIris.contains(info.graph())) {
                sources.addAll(info.sources());
            }
        }
        return List.copyOf(sources);
    }

    /** A copy of one named graph, without a row cap (for the admin Graph Store API). */
    Graph copyOfGraph(String graphIri) {
        Graph graph = GraphFactory.createDefaultGraph();
        graph.getPrefixMapping().setNsPrefixes(prefixes);
        stream(COPY_GRAPH, BindingFactory.binding(Var.alloc("g"), NodeFactory.createURI(graphIri)), maxTimeout.multipliedBy(6),
                b -> {
                    graph.add(Triple.create(b.get(S), b.get(P), b.get(O)));
                    return true;
                });
        return graph;
    }

    private interface FactMaker {
        Triple make(Binding b);
    }

    private Map<Triple, Set<String>> collectFacts(Query query, Var var, Node node, int cap, boolean[] truncated,
            FactMaker maker) {
        Map<Triple, Set<String>> facts = new LinkedHashMap<>();
        Var g = Var.alloc("g");
        stream(query, BindingFactory.binding(var, node), b -> {
            Triple t = maker.make(b);
            if (!facts.containsKey(t) && facts.size() >= cap) {
                truncated[0] = true;
                return false;
            }
            Set<String> in = facts.computeIfAbsent(t, x -> new LinkedHashSet<>());
            Node graph = b.get(g);
            if (graph != null && graph.isURI()) {
                in.add(graph.getURI());
            }
            return true;
        });
        return facts;
    }

    private List<EntityDescription.Fact> facts(Map<Triple, Set<String>> facts) {
        List<EntityDescription.Fact> list = new ArrayList<>(facts.size());
        facts.forEach((t, g) -> {
            String p = t.getPredicate().getURI();
            String unit = schema.property(p).map(SchemaSummary.PropertyInfo::unit).orElse(null);
            list.add(new EntityDescription.Fact(t, label(t.getSubject()), label(t.getPredicate()), label(t.getObject()),
                    unit, List.copyOf(g)));
        });
        return list;
    }

    private String label(Node node) {
        return node.isURI() ? labels.labelOf(node.getURI()).orElse(null) : null;
    }

    /**
     * Runs an action on the default graph read directly (inside a read transaction), or with an empty optional when
     * the data is remote and only SPARQL reaches it.
     */
    <T> T withLocalGraph(Function<Optional<Graph>, T> action) {
        return backend.read(() -> action.apply(backend.localDefaultGraph()));
    }

    /** Streams rows to a consumer until it returns false, with the server timeout. */
    void stream(Query query, Binding substitution, Predicate<Binding> consumer) {
        stream(query, substitution, maxTimeout, consumer);
    }

    /** Streams rows to a consumer until it returns false. */
    void stream(Query query, Binding substitution, Duration timeout, Predicate<Binding> consumer) {
        long start = System.nanoTime();
        try {
            backend.read(() -> {
                try (QueryExec exec = backend.build(query, substitution, timeout)) {
                    RowSet rows = exec.select();
                    while (rows.hasNext()) {
                        if (!consumer.test(rows.next())) {
                            break;
                        }
                    }
                }
                return null;
            });
        } catch (SparqlException e) {
            throw e;
        } catch (RuntimeException e) {
            throw map(e, timeout);
        } finally {
            metrics.query("SELECT", "internal", Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private SparqlResult run(Query query, Binding substitution, QueryLimits limits, SparqlResult.Form form, long start) {
        try (QueryExec exec = backend.build(query, substitution, limits.timeout())) {
            switch (form) {
                case SELECT -> {
                    RowSet rows = exec.select();
                    List<Var> vars = rows.getResultVars();
                    List<Binding> list = new ArrayList<>();
                    while (list.size() < limits.maxRows() && rows.hasNext()) {
                        list.add(rows.next());
                    }
                    return new SparqlResult(form, vars, list, false, null, rows.hasNext(), version, since(start));
                }
                case ASK -> {
                    boolean answer = exec.ask();
                    return new SparqlResult(form, List.of(), List.of(), answer, null, false, version, since(start));
                }
                default -> {
                    Iterator<Triple> triples = form == SparqlResult.Form.CONSTRUCT ? exec.constructTriples()
                            : exec.describeTriples();
                    Graph graph = GraphFactory.createDefaultGraph();
                    while (graph.size() < limits.maxRows() && triples.hasNext()) {
                        graph.add(triples.next());
                    }
                    graph.getPrefixMapping().setNsPrefixes(prefixes);
                    return new SparqlResult(form, List.of(), List.of(), false, graph, triples.hasNext(), version,
                            since(start));
                }
            }
        }
    }

    private static SparqlException map(RuntimeException e, Duration timeout) {
        if (e instanceof QueryCancelledException || hasCause(e, HttpTimeoutException.class)) {
            return new SparqlException(SparqlException.Kind.TIMEOUT,
                    "The query did not finish within its time limit of " + human(timeout) + ".", -1, -1, e);
        }
        if (e instanceof QueryDeniedException) {
            return new SparqlException(SparqlException.Kind.REFUSED, "The query was refused: " + e.getMessage(), -1, -1,
                    e);
        }
        if (e instanceof QueryExceptionHTTP http) {
            return new SparqlException(SparqlException.Kind.FAILED,
                    "The SPARQL endpoint answered " + http.getStatusCode() + ": " + http.getMessage(), -1, -1, e);
        }
        return new SparqlException(SparqlException.Kind.FAILED, "The query failed: " + e.getMessage(), -1, -1, e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static Binding binding(Map<Var, Node> bindings) {
        if (bindings == null || bindings.isEmpty()) {
            return null;
        }
        BindingBuilder builder = BindingFactory.builder();
        bindings.forEach(builder::add);
        return builder.build();
    }

    static SparqlResult.Form formOf(Query query) {
        if (query.isSelectType()) {
            return SparqlResult.Form.SELECT;
        }
        if (query.isAskType()) {
            return SparqlResult.Form.ASK;
        }
        if (query.isConstructType()) {
            return SparqlResult.Form.CONSTRUCT;
        }
        return SparqlResult.Form.DESCRIBE;
    }
}
