package io.groundgate.kg;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.jboss.logging.Logger;

import io.groundgate.kg.profile.GraphProfile;
import io.groundgate.kg.profile.GraphRows;
import io.groundgate.kg.profile.ProfileBuilder;

/** Builds what is derived once per version: label index, schema summary and the sources per graph. */
final class SnapshotDeriver {

    private static final Logger LOG = Logger.getLogger(SnapshotDeriver.class);

    static final String GG = "https://w3id.org/groundgate/ontology#";
    static final String QUDT_HAS_UNIT = "http://qudt.org/schema/qudt/hasUnit";
    private static final String PREFIXES = """
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            """;
    private static final Set<String> META_NAMESPACES = Set.of("http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "http://www.w3.org/2000/01/rdf-schema#", "http://www.w3.org/2002/07/owl#",
            "http://www.w3.org/2001/XMLSchema#", "http://www.w3.org/ns/shacl#");
    private static final Set<String> LABEL_PROPERTIES = Set.of("http://www.w3.org/2000/01/rdf-schema#label",
            "http://www.w3.org/2004/02/skos/core#prefLabel", "http://www.w3.org/2004/02/skos/core#altLabel");
    private static final int TEXT_BUDGET = 7_000;
    private static final Duration DERIVE_TIMEOUT = Duration.ofMinutes(10);

    private final GraphSnapshot snapshot;
    private final List<String> languages;

    private SnapshotDeriver(GraphSnapshot snapshot, List<String> languages) {
        this.snapshot = snapshot;
        this.languages = languages;
    }

    /** Computes and attaches labels, schema and per-graph sources. */
    static void derive(GraphSnapshot snapshot, List<String> languages, boolean graphsFromStore) {
        new SnapshotDeriver(snapshot, languages).run(graphsFromStore);
    }

    private void run(boolean graphsFromStore) {
        ProfileBuilder.Built built = profile();
        Map<String, List<String>> types = new HashMap<>();
        Map<String, Long> instances = new HashMap<>();
        if (built != null) {
            // the profile read every rdf:type triple already: reuse them
            built.types().forEach((s, ts) -> {
                if (!s.startsWith("_:")) {
                    types.put(s, ts);
                    ts.forEach(t -> instances.merge(t, 1L, Long::sum));
                }
            });
        } else {
            select("SELECT ?s ?t WHERE { ?s rdf:type ?t FILTER(isIRI(?s) && isIRI(?t)) }", b -> {
                String t = uri(b, "t");
                types.computeIfAbsent(uri(b, "s"), x -> new ArrayList<>(2)).add(t);
                instances.merge(t, 1L, Long::sum);
            });
        }
        List<LabelIndex.Entry> entries = new ArrayList<>();
        Set<String> labelled = new HashSet<>();
        select("SELECT ?s ?p ?l WHERE { VALUES ?p { rdfs:label skos:prefLabel skos:altLabel } ?s ?p ?l "
                + "FILTER(isIRI(?s) && isLiteral(?l)) }", b -> {
                    String p = uri(b, "p");
                    LabelIndex.Source source = p.endsWith("prefLabel") ? LabelIndex.Source.PREF_LABEL
                            : p.endsWith("altLabel") ? LabelIndex.Source.ALT_LABEL : LabelIndex.Source.LABEL;
                    Node l = b.get(Var.alloc("l"));
                    String s = uri(b, "s");
                    entries.add(new LabelIndex.Entry(s, l.getLiteralLexicalForm(), l.getLiteralLanguage(), source));
                    labelled.add(s);
                });
        Map<String, String> declaredKinds = new LinkedHashMap<>();
        select("SELECT ?s ?c WHERE { VALUES ?c { owl:Class rdfs:Class owl:ObjectProperty owl:DatatypeProperty "
                + "rdf:Property owl:AnnotationProperty } ?s rdf:type ?c FILTER isIRI(?s) }", b -> {
                    String s = uri(b, "s");
                    String c = Prefixes.localName(uri(b, "c"));
                    declaredKinds.merge(s, c, (a, x) -> a.equals("Property") ? x : a);
                    if (!labelled.contains(s)) {
                        entries.add(new LabelIndex.Entry(s, Prefixes.humanize(Prefixes.localName(s)), "",
                                LabelIndex.Source.LOCAL_NAME));
                    }
                });
        Map<String, List<String>> labelledTypes = new HashMap<>();
        for (LabelIndex.Entry e : entries) {
            List<String> t = types.get(e.iri());
            if (t != null) {
                labelledTypes.putIfAbsent(e.iri(), t);
            }
        }
        LabelIndex labels = LabelIndex.build(entries, labelledTypes, languages);
        SchemaSummary schema = schema(labels, instances, declaredKinds);
        List<GraphInfo> graphs = graphsFromStore ? graphsFromStore() : snapshot.graphs();
        GraphProfile profile = built != null ? built.profile()
                : GraphProfile.empty(snapshot.version(), snapshot.prefixes());
        snapshot.derived(labels, schema, withSources(graphs), profile);
    }

    /** The graph profile; a failure leaves the version served without one (logged), never rejects it. */
    private ProfileBuilder.Built profile() {
        try {
            return buildProfile(snapshot);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not build the graph profile of version %s; serving it without one", snapshot.version());
            return null;
        }
    }

    /** Builds a snapshot's profile: from its graph directly when it is local, else through SPARQL. */
    static ProfileBuilder.Built buildProfile(GraphSnapshot snapshot) {
        return snapshot.withLocalGraph(graph -> ProfileBuilder.build(graph.map(GraphRows::of)
                .orElseGet(() -> GraphRows.sparql((query, row) -> snapshot.stream(query, null, DERIVE_TIMEOUT, b -> {
                    row.accept(b);
                    return true;
                }))), snapshot.version(), snapshot.prefixes(), ProfileBuilder.DEFAULT_SAMPLE));
    }

    private SchemaSummary schema(LabelIndex labels, Map<String, Long> instances, Map<String, String> declared) {
        Map<String, String> comments = new HashMap<>();
        Map<String, Integer> commentRank = new HashMap<>();
        select("SELECT ?s ?c WHERE { ?s rdfs:comment ?c FILTER(isIRI(?s) && isLiteral(?c)) }", b -> {
            String s = uri(b, "s");
            if (!declared.containsKey(s) && !instances.containsKey(s)) {
                return;
            }
            Node c = b.get(Var.alloc("c"));
            String lang = c.getLiteralLanguage();
            int rank = lang.isEmpty() || languages.contains(lang.toLowerCase()) ? 0 : 1;
            if (rank < commentRank.getOrDefault(s, 2)) {
                comments.put(s, c.getLiteralLexicalForm().strip().replaceAll("\\s+", " "));
                commentRank.put(s, rank);
            }
        });
        Map<String, Set<String>> supers = new HashMap<>();
        select("SELECT ?c ?d WHERE { ?c rdfs:subClassOf ?d FILTER(isIRI(?c) && isIRI(?d) && ?c != ?d) }",
                b -> supers.computeIfAbsent(uri(b, "c"), x -> new LinkedHashSet<>()).add(uri(b, "d")));
        Set<String> classIris = new LinkedHashSet<>();
        declared.forEach((iri, kind) -> {
            if (kind.equals("Class")) {
                classIris.add(iri);
            }
        });
        classIris.addAll(instances.keySet());
        List<SchemaSummary.ClassInfo> classes = new ArrayList<>();
        for (String c : classIris) {
            if (isMeta(c)) {
                continue;
            }
            classes.add(new SchemaSummary.ClassInfo(c, labels.labelOf(c).orElse(null), comments.get(c),
                    direct(supers.getOrDefault(c, Set.of()), supers).stream().filter(x -> !isMeta(x)).toList(),
                    instances.getOrDefault(c, 0L)));
        }
        classes.sort(Comparator.comparingLong(SchemaSummary.ClassInfo::instances).reversed()
                .thenComparing(SchemaSummary.ClassInfo::iri));

        Map<String, Long> uses = new LinkedHashMap<>();
        Map<String, Boolean> literalValued = new HashMap<>();
        select("SELECT ?p (COUNT(*) AS ?n) (SAMPLE(?o) AS ?x) WHERE { ?s ?p ?o } GROUP BY ?p", b -> {
            String p = uri(b, "p");
            uses.put(p, ((Number) b.get(Var.alloc("n")).getLiteralValue()).longValue());
            Node x = b.get(Var.alloc("x"));
            literalValued.put(p, x != null && x.isLiteral());
        });
        Map<String, List<String>> domains = new HashMap<>();
        Map<String, List<String>> ranges = new HashMap<>();
        select("SELECT DISTINCT ?p ?k ?v WHERE { VALUES ?k { rdfs:domain rdfs:range } { ?p ?k ?v } UNION "
                + "{ ?p ?k ?x . ?x owl:unionOf/rdf:rest*/rdf:first ?v } FILTER(isIRI(?p) && isIRI(?v)) }",
                b -> (uri(b, "k").endsWith("domain") ? domains : ranges)
                        .computeIfAbsent(uri(b, "p"), x -> new ArrayList<>()).add(uri(b, "v")));
        Map<String, String> units = new HashMap<>();
        select("SELECT ?p ?u WHERE { VALUES ?k { <" + GG + "unit> <" + QUDT_HAS_UNIT + "> } ?p ?k ?u FILTER isIRI(?p) }",
                b -> {
                    Node u = b.get(Var.alloc("u"));
                    String text = u.isLiteral() ? u.getLiteralLexicalForm()
                            : u.isURI() ? labels.labelOf(u.getURI()).orElse(Prefixes.localName(u.getURI())) : null;
                    if (text != null && (u.isLiteral() || !units.containsKey(uri(b, "p")))) {
                        units.put(uri(b, "p"), text); // the gg:unit string wins over a qudt unit's label
                    }
                });
        Set<String> propertyIris = new LinkedHashSet<>();
        declared.forEach((iri, kind) -> {
            if (kind.endsWith("Property") && !kind.equals("AnnotationProperty")) {
                propertyIris.add(iri);
            }
        });
        propertyIris.addAll(uses.keySet());
        List<SchemaSummary.PropertyInfo> properties = new ArrayList<>();
        for (String p : propertyIris) {
            if (isMeta(p) || LABEL_PROPERTIES.contains(p) || p.equals(GG + "unit") || p.equals(QUDT_HAS_UNIT)
                    || "AnnotationProperty".equals(declared.get(p))) {
                continue;
            }
            List<String> range = ranges.getOrDefault(p, List.of());
            String kind = declared.getOrDefault(p, "");
            SchemaSummary.PropertyKind pk = kind.equals("DatatypeProperty") ? SchemaSummary.PropertyKind.DATATYPE
                    : kind.equals("ObjectProperty") ? SchemaSummary.PropertyKind.OBJECT
                    : range.stream().anyMatch(r -> r.startsWith("http://www.w3.org/2001/XMLSchema#")
                            || r.endsWith("#Literal") || r.endsWith("#langString"))
                                    ? SchemaSummary.PropertyKind.DATATYPE
                                    : Boolean.TRUE.equals(literalValued.get(p)) ? SchemaSummary.PropertyKind.DATATYPE
                                    : SchemaSummary.PropertyKind.OBJECT;
            properties.add(new SchemaSummary.PropertyInfo(p, labels.labelOf(p).orElse(null),
                    labels.labelsOf(p, LabelIndex.Source.ALT_LABEL), comments.get(p), domains.getOrDefault(p, List.of()),
                    range, pk, units.get(p), uses.getOrDefault(p, 0L)));
        }
        properties.sort(Comparator.comparingLong(SchemaSummary.PropertyInfo::uses).reversed()
                .thenComparing(SchemaSummary.PropertyInfo::iri));
        Map<String, String> prefixes = snapshot.prefixes();
        return new SchemaSummary(prefixes, classes, properties, SchemaText.render(prefixes, classes, properties,
                TEXT_BUDGET));
    }

    private List<GraphInfo> graphsFromStore() {
        List<GraphInfo> graphs = new ArrayList<>();
        select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g", b -> {
            String g = uri(b, "g");
            if (!g.equals(GraphSnapshot.ENTAILED_GRAPH)) {
                long n = ((Number) b.get(Var.alloc("n")).getLiteralValue()).longValue();
                graphs.add(new GraphInfo(null, g, n, null, snapshot.loadedAt(), null, List.of()));
            }
        });
        return graphs;
    }

    private List<GraphInfo> withSources(List<GraphInfo> graphs) {
        Map<String, Set<String>> datasetSources = new HashMap<>();
        Map<String, Set<String>> anySources = new HashMap<>();
        select("SELECT ?g ?src ?dataset WHERE { GRAPH ?g { ?d dcterms:source ?src } "
                + "BIND(EXISTS { GRAPH ?g { VALUES ?t { <http://rdfs.org/ns/void#Dataset> "
                + "<http://www.w3.org/ns/dcat#Dataset> <http://purl.org/dc/dcmitype/Dataset> <https://schema.org/Dataset> "
                + "<http://www.w3.org/2002/07/owl#Ontology> } ?d rdf:type ?t } } AS ?dataset) }", b -> {
                    Node src = b.get(Var.alloc("src"));
                    String text = src.isURI() ? src.getURI() : src.isLiteral() ? src.getLiteralLexicalForm() : null;
                    if (text == null) {
                        return;
                    }
                    Node dataset = b.get(Var.alloc("dataset"));
                    boolean isDataset = dataset != null && "true".equals(dataset.getLiteralLexicalForm());
                    (isDataset ? datasetSources : anySources).computeIfAbsent(uri(b, "g"), x -> new LinkedHashSet<>())
                            .add(text);
                });
        List<GraphInfo> result = new ArrayList<>(graphs.size());
        for (GraphInfo g : graphs) {
            Set<String> sources = datasetSources.getOrDefault(g.graph(), anySources.getOrDefault(g.graph(), Set.of()));
            result.add(new GraphInfo(g.file(), g.graph(), g.triples(), g.hash(), g.loadedAt(), g.lastError(),
                    List.copyOf(sources)));
        }
        return result;
    }

    /** Drops superclasses implied by other listed superclasses. */
    private static List<String> direct(Set<String> all, Map<String, Set<String>> supers) {
        List<String> direct = new ArrayList<>();
        for (String d : all) {
            boolean implied = false;
            for (String other : all) {
                if (!other.equals(d) && supers.getOrDefault(other, Set.of()).contains(d)) {
                    implied = true;
                    break;
                }
            }
            if (!implied) {
                direct.add(d);
            }
        }
        return direct;
    }

    private static boolean isMeta(String iri) {
        for (String ns : META_NAMESPACES) {
            if (iri.startsWith(ns)) {
                return true;
            }
        }
        return false;
    }

    private interface Row {
        void accept(Binding b);
    }

    private void select(String text, Row row) {
        Query query = QueryFactory.create(PREFIXES + text);
        snapshot.stream(query, null, DERIVE_TIMEOUT, b -> {
            row.accept(b);
            return true;
        });
    }

    private static String uri(Binding b, String var) {
        Node n = b.get(Var.alloc(var));
        return n == null ? null : n.isURI() ? n.getURI() : n.toString();
    }
}
