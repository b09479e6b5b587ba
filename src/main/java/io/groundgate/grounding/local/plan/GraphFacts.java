package io.groundgate.grounding.local.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.util.FmtUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.grounding.GroundingStep;
import io.groundgate.grounding.ProvenanceRecorder;
import io.groundgate.grounding.local.linking.LinkedQuestion;
import io.groundgate.grounding.local.linking.Mention;
import io.groundgate.kg.GraphSnapshot;
import io.groundgate.kg.QueryLimits;
import io.groundgate.kg.SparqlException;
import io.groundgate.kg.SparqlGuard;
import io.groundgate.kg.SparqlResult;
import io.groundgate.tools.Provenance;

/**
 * The planner's reads of one graph version: every query is SPARQL run through the snapshot's bounded, read-only
 * executor and recorded as a {@code sparql_query} step with the facts it returned and their sources.
 */
public final class GraphFacts {

    public static final String SPARQL_TOOL = "sparql_query";
    private static final String DCTERMS = "http://purl.org/dc/terms/";
    private static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    /** Sources of a subject, parsed (and checked) once: the subject is bound per lookup, as an RDF term. */
    private static final Query SOURCES = SparqlGuard.parse("SELECT DISTINCT ?src ?own WHERE { { ?s <"
            + DCTERMS + "source> ?src BIND(true AS ?own) } UNION { ?s <" + DCTERMS + "isPartOf> ?d . ?d <" + DCTERMS
            + "source> ?src } }");

    private final GraphSnapshot snapshot;
    private final ProvenanceRecorder recorder;
    private final Map<String, List<String>> sourcesBySubject = new LinkedHashMap<>();

    public GraphFacts(GraphSnapshot snapshot, ProvenanceRecorder recorder) {
        this.snapshot = snapshot;
        this.recorder = recorder;
    }

    public GraphSnapshot snapshot() {
        return snapshot;
    }

    /** A fact the answer rests on: subject, property, value. */
    public record Fact(String subject, String property, FactValue value) {
    }

    /** The values of one property of one entity. */
    public List<FactValue> values(String subject, String property) {
        String q = "SELECT ?v WHERE { " + iri(subject) + " " + iri(property) + " ?v }";
        List<Binding> rows = run(q, "v", rows1 -> facts(rows1, b -> subject, b -> property, "v"));
        return rows.stream().map(b -> value(b.get(Var.alloc("v")))).toList();
    }

    /** The properties an entity has values for (as subject). */
    public Set<String> propertiesOf(String subject) {
        String q = "SELECT DISTINCT ?p WHERE { " + iri(subject) + " ?p ?o }";
        Set<String> out = new LinkedHashSet<>();
        run(q, null, rows -> List.of()).forEach(b -> out.add(b.get(Var.alloc("p")).getURI()));
        return out;
    }

    /** The properties instances of a class have values for, and those pointing at instances of the class. */
    public Set<String> propertiesOfClass(String classIri) {
        String q = "SELECT DISTINCT ?p WHERE { { ?s a " + iri(classIri) + " ; ?p ?o } UNION { ?o a " + iri(classIri)
                + " . ?s ?p ?o } } LIMIT 500";
        Set<String> out = new LinkedHashSet<>();
        run(q, null, rows -> List.of()).forEach(b -> out.add(b.get(Var.alloc("p")).getURI()));
        return out;
    }

    /** One step from an entity to a neighbour that has the wanted property. */
    public record Hop(String neighbour, String link, boolean forward) {
    }

    /** Entities with a literal value ("atomic number 93", "symbol Nh"), optionally of a class. */
    public List<Ranked> withValue(String classIri, Filter filter, int limit) {
        return members(classIri, filter, limit);
    }

    /**
     * The entities one object-property step away from {@code subject} (either direction, not through {@code wanted})
     * that have a value for {@code wanted}: "the currency of [the country whose capital is] Wellington".
     */
    public List<Hop> hops(String subject, String wanted, int limit) {
        String q = "SELECT DISTINCT ?y ?link ?fwd WHERE { { " + iri(subject) + " ?link ?y BIND(true AS ?fwd) } UNION { ?y ?link "
                + iri(subject) + " BIND(false AS ?fwd) } FILTER(isIRI(?y) && ?link != " + iri(wanted) + " && ?link != <"
                + RDF_TYPE + "> && !STRSTARTS(STR(?link), \"" + DCTERMS + "\")) FILTER EXISTS { ?y " + iri(wanted)
                + " ?v } } ORDER BY ?y LIMIT " + limit;
        List<Hop> out = new ArrayList<>();
        run(q, null, rows -> facts(rows, b -> b.get(Var.alloc("y")).getURI(), b -> b.get(Var.alloc("link")).getURI(), "y"))
                .forEach(b -> out.add(new Hop(b.get(Var.alloc("y")).getURI(), b.get(Var.alloc("link")).getURI(),
                        Boolean.parseBoolean(b.get(Var.alloc("fwd")).getLiteralLexicalForm()))));
        return out;
    }

    /** The properties of the things a filter selects ("the neighbours of X"). */
    public Set<String> propertiesOfMembers(Filter filter) {
        String q = "SELECT DISTINCT ?p WHERE { " + filterPattern(filter) + "?s ?p ?o } LIMIT 500";
        Set<String> out = new LinkedHashSet<>();
        run(q, null, rows -> List.of()).forEach(b -> out.add(b.get(Var.alloc("p")).getURI()));
        return out;
    }

    /** The numeric values of an entity, property by property. */
    public Map<String, List<FactValue>> numericValues(String subject) {
        String q = "SELECT ?p ?v WHERE { " + iri(subject) + " ?p ?v FILTER(isNumeric(?v)) }";
        Map<String, List<FactValue>> out = new LinkedHashMap<>();
        run(q, null, rows -> List.of()).forEach(b -> out.computeIfAbsent(b.get(Var.alloc("p")).getURI(),
                k -> new ArrayList<>()).add(value(b.get(Var.alloc("v")))));
        return out;
    }

    /**
     * Instances of a class (when given) that have the property, optionally only those linked to {@code filterObject},
     * ordered by the value, top two (to spot ties).
     */
    public List<Ranked> ranked(String classIri, String property, Filter filter, boolean descending, int limit) {
        String q = "SELECT ?s ?v WHERE { " + (classIri == null ? "" : "?s a " + iri(classIri) + " . ") + "?s "
                + iri(property) + " ?v . " + filterPattern(filter) + "FILTER(isNumeric(?v)) } ORDER BY "
                + (descending ? "DESC(?v)" : "ASC(?v)") + " ?s LIMIT " + limit;
        List<Binding> rows = run(q, null, r -> {
            List<Fact> facts = facts(r, b -> b.get(Var.alloc("s")).getURI(), b -> property, "v");
            if (filter != null) {
                r.forEach(b -> facts.add(filterFact(b.get(Var.alloc("s")).getURI(), filter)));
            }
            return facts;
        });
        return rows.stream().map(b -> new Ranked(b.get(Var.alloc("s")).getURI(), label(b.get(Var.alloc("s"))),
                value(b.get(Var.alloc("v"))))).toList();
    }

    /** One row of a ranking: the entity, its label and its value. */
    public record Ranked(String iri, String label, FactValue value) {
    }

    /**
     * Restricts a set to what is linked to an entity by a property, in either direction, or to what has a literal value
     * ({@code literal} set: a number, or a string compared without case).
     */
    public record Filter(String property, String object, boolean objectIsSubject, String literal) {
        public Filter(String property, String object, boolean objectIsSubject) {
            this(property, object, objectIsSubject, null);
        }

        public static Filter value(String property, String literal) {
            return new Filter(property, null, false, literal);
        }
    }

    /** The instances (of a class, when given) linked to an entity through a property. */
    public List<Ranked> members(String classIri, Filter filter, int limit) {
        String q = "SELECT DISTINCT ?s WHERE { " + (classIri == null ? "" : "?s a " + iri(classIri) + " . ")
                + filterPattern(filter) + "} ORDER BY ?s LIMIT " + limit;
        List<Binding> rows = run(q, null, r -> {
            List<Fact> facts = new ArrayList<>();
            r.forEach(b -> facts.add(filter == null
                    ? new Fact(b.get(Var.alloc("s")).getURI(), RDF_TYPE, new FactValue(nodeOf(classIri), null, label(classIri)))
                    : filterFact(b.get(Var.alloc("s")).getURI(), filter)));
            return facts;
        });
        return rows.stream().map(b -> new Ranked(b.get(Var.alloc("s")).getURI(), label(b.get(Var.alloc("s"))), null))
                .toList();
    }

    /** How many instances (of a class, when given) are linked to an entity through a property. */
    public long count(String classIri, Filter filter) {
        String where = (classIri == null ? "" : "?s a " + iri(classIri) + " . ")
                + (filter == null ? "" : filterPattern(filter));
        String q = "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { " + where + "}";
        List<Binding> rows = run(q, null, r -> List.of());
        Node n = rows.isEmpty() ? null : rows.get(0).get(Var.alloc("n"));
        return n == null ? 0 : ((Number) n.getLiteralValue()).longValue();
    }

    /** The object properties that link instances of a class (or anything) to a given entity, most used first. */
    public List<String> linkingProperties(String classIri, String object) {
        String q = "SELECT ?p (COUNT(*) AS ?n) WHERE { " + (classIri == null ? "" : "?s a " + iri(classIri) + " . ")
                + "?s ?p " + iri(object) + " FILTER(?p != <" + RDF_TYPE + ">) } GROUP BY ?p ORDER BY DESC(?n) ?p LIMIT 20";
        List<String> out = new ArrayList<>();
        run(q, null, r -> List.of()).forEach(b -> out.add(b.get(Var.alloc("p")).getURI()));
        return out;
    }

    public static final String SEARCH_TOOL = "kg_search";

    /** Records how the words of a question were linked to the graph, as a {@code kg_search} step. */
    public void recordLinking(LinkedQuestion q) {
        ObjectNode args = JsonNodeFactory.instance.objectNode().put("text", q.text());
        ArrayNode found = JsonNodeFactory.instance.arrayNode();
        for (Mention m : q.mentions()) {
            ObjectNode o = found.addObject().put("mention", m.text());
            ArrayNode e = o.putArray("entities");
            m.entities().forEach(r -> e.addObject().put("iri", r.iri()).put("label", r.label()).put("score", r.score()));
            ArrayNode c = o.putArray("classes");
            m.classes().forEach(c::add);
            ArrayNode p = o.putArray("properties");
            m.properties().forEach(p::add);
            if (m.fuzzy()) {
                o.put("fuzzy", true);
            }
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set("mentions", found);
        ArrayNode quantities = result.putArray("quantities");
        q.quantities().forEach(x -> quantities.add(x.expression()));
        ArrayNode problems = result.putArray("problems");
        q.problems().forEach(problems::add);
        recorder.record(new GroundingStep(0, null, SEARCH_TOOL, args, true, result, null, null, snapshot.version(),
                List.of(), List.of(), 0));
    }

    /** Records that a phrase was linked to a property by meaning (embedding similarity). */
    public void recordLink(String phrase, String property, double similarity) {
        ObjectNode args = JsonNodeFactory.instance.objectNode().put("text", phrase).put("kind", "property");
        ObjectNode result = JsonNodeFactory.instance.objectNode().put("iri", property)
                .put("label", label(property)).put("similarity", Math.round(similarity * 1000) / 1000.0);
        recorder.record(new GroundingStep(0, null, SEARCH_TOOL, args, true, result, null, null, snapshot.version(),
                List.of(), List.of(), 0));
    }

    /**
     * The cited sources of entities: their own {@code dcterms:source}, else their dataset's. Each subject is looked up
     * once per graph version, not once per request: the answers of a version never change, and the planner cites the
     * same entities in question after question (looking them up was 30 % of a planner request).
     */
    public List<String> sourcesOf(Collection<String> subjects) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : subjects) {
            out.addAll(sourcesBySubject.computeIfAbsent(s, this::versionSources));
        }
        return List.copyOf(out);
    }

    /** Sources per subject of one graph version, shared by every request on it. */
    private static final class VersionSources {
        /** Enough for every subject of a large graph that questions name; beyond it lookups are simply not kept. */
        private static final int MAX_SUBJECTS = 100_000;
        private final Map<String, List<String>> bySubject = new ConcurrentHashMap<>();
    }

    private List<String> versionSources(String subject) {
        VersionSources memo = snapshot.memo(VersionSources.class, VersionSources::new);
        List<String> known = memo.bySubject.get(subject);
        if (known != null) {
            return known;
        }
        List<String> sources = List.copyOf(lookupSources(subject));
        if (memo.bySubject.size() < VersionSources.MAX_SUBJECTS) {
            memo.bySubject.putIfAbsent(subject, sources);
        }
        return sources;
    }

    private List<String> lookupSources(String subject) {
        SparqlResult r = snapshot.query(SOURCES, Map.of(Var.alloc("s"), NodeFactory.createURI(subject)),
                QueryLimits.SERVER_MAX);
        List<String> own = new ArrayList<>();
        List<String> dataset = new ArrayList<>();
        for (Binding b : r.rows()) {
            Node src = b.get(Var.alloc("src"));
            String text = src.isURI() ? src.getURI() : src.isLiteral() ? src.getLiteralLexicalForm() : null;
            if (text != null) {
                (b.get(Var.alloc("own")) != null ? own : dataset).add(text);
            }
        }
        return own.isEmpty() ? dataset : own;
    }

    public String label(Node node) {
        if (node == null) {
            return null;
        }
        if (node.isURI()) {
            return snapshot.labels().labelOf(node.getURI()).orElse(node.getLocalName());
        }
        return node.isLiteral() ? node.getLiteralLexicalForm() : node.toString();
    }

    public String label(String iri) {
        return snapshot.labels().labelOf(iri).orElse(iri);
    }

    public FactValue value(Node node) {
        if (node.isLiteral() && node.getLiteralDatatype() instanceof XSDDatatype dt && isNumeric(dt)) {
            try {
                return new FactValue(node, new BigDecimal(node.getLiteralLexicalForm().trim()), label(node));
            } catch (NumberFormatException e) {
                return new FactValue(node, null, label(node));
            }
        }
        return new FactValue(node, null, label(node));
    }

    private static boolean isNumeric(XSDDatatype dt) {
        Class<?> c = dt.getJavaClass();
        return c != null && Number.class.isAssignableFrom(c)
                || dt.equals(XSDDatatype.XSDdecimal) || dt.equals(XSDDatatype.XSDdouble) || dt.equals(XSDDatatype.XSDfloat)
                || dt.getURI().endsWith("nteger") || dt.getURI().endsWith("#int") || dt.getURI().endsWith("#long");
    }

    private static String filterPattern(Filter f) {
        if (f == null) {
            return "";
        }
        if (f.literal() != null) {
            String v = f.literal();
            boolean number = v.matches("-?\\d+(\\.\\d+)?");
            return "?s " + iri(f.property()) + " ?fv . FILTER(" + (number ? "?fv = " + v
                    : "LCASE(STR(?fv)) = \"" + v.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N} .-]", "") + "\"")
                    + ") ";
        }
        return f.objectIsSubject() ? iri(f.object()) + " " + iri(f.property()) + " ?s . "
                : "?s " + iri(f.property()) + " " + iri(f.object()) + " . ";
    }

    private Fact filterFact(String s, Filter f) {
        if (f.literal() != null) {
            return new Fact(s, f.property(), new FactValue(NodeFactory.createLiteralString(f.literal()),
                    null, f.literal()));
        }
        return f.objectIsSubject() ? new Fact(f.object(), f.property(), new FactValue(nodeOf(s), null, label(s)))
                : new Fact(s, f.property(), new FactValue(nodeOf(f.object()), null, label(f.object())));
    }

    private static Node nodeOf(String iri) {
        return NodeFactory.createURI(iri);
    }

    static String iri(String iri) {
        return "<" + iri + ">";
    }

    private interface FactExtractor {
        List<Fact> facts(List<Binding> rows);
    }

    private List<Fact> facts(List<Binding> rows, Function<Binding, String> subject, Function<Binding, String> property,
            String var) {
        List<Fact> facts = new ArrayList<>();
        for (Binding b : rows) {
            facts.add(new Fact(subject.apply(b), property.apply(b), value(b.get(Var.alloc(var)))));
        }
        return facts;
    }

    /** Runs a SELECT and records it as one step; facts come from {@code extractor}, sources from their subjects. */
    private List<Binding> run(String sparql, String unused, FactExtractor extractor) {
        long start = System.nanoTime();
        ObjectNode args = JsonNodeFactory.instance.objectNode().put("query", sparql);
        try {
            SparqlResult result = snapshot.query(SparqlGuard.parse(sparql));
            List<Fact> facts = extractor.facts(result.rows());
            Set<String> subjects = new LinkedHashSet<>();
            List<Provenance.Fact> provenance = new ArrayList<>();
            for (Fact f : facts) {
                subjects.add(f.subject());
                provenance.add(new Provenance.Fact(f.subject(), f.property(),
                        f.value().node().isURI() ? f.value().node().getURI() : FmtUtils.stringForNode(f.value().node())));
            }
            List<String> sources = sourcesOf(subjects);
            recorder.record(new GroundingStep(0, null, SPARQL_TOOL, args, true, rowsJson(result), null, sparql,
                    snapshot.version(), provenance, sources, millis(start)));
            return result.rows();
        } catch (SparqlException e) {
            recorder.record(new GroundingStep(0, null, SPARQL_TOOL, args, false, null, null, sparql, snapshot.version(),
                    List.of(), List.of(), millis(start)));
            throw e;
        }
    }

    private JsonNode rowsJson(SparqlResult result) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        int shown = 0;
        for (Binding b : result.rows()) {
            if (shown++ >= 20) {
                break;
            }
            ObjectNode row = rows.addObject();
            for (Var v : result.vars()) {
                Node n = b.get(v);
                if (n != null) {
                    row.put(v.getVarName(), n.isURI() ? n.getURI() : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString());
                }
            }
        }
        return JsonNodeFactory.instance.objectNode().put("row_count", result.rows().size()).set("rows", rows);
    }

    static double millis(long start) {
        return Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
    }
}
