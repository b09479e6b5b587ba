package io.groundgate.kg.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * Learns a {@link GraphProfile} from the data through {@link GraphRows}: all rdf:type triples, the predicates with
 * their counts, the declarations and names, and for every class the triples of a bounded sample of its instances (so a
 * graph of a million triples reads its type and name triples, one count pass, and a few hundred thousand sampled
 * triples). A local graph is read through {@code Graph.find}, not SPARQL. Single-threaded; one builder per build.
 */
public final class ProfileBuilder {

    /** Instances read per class for property statistics. */
    public static final int DEFAULT_SAMPLE = 1_000;

    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    static final String OWL = "http://www.w3.org/2002/07/owl#";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String RDF_TYPE = RDF + "type";
    static final String GG_UNIT = "https://w3id.org/groundgate/ontology#unit";
    private static final List<String> WELL_KNOWN_NAMES = List.of(RDFS + "label", SKOS + "prefLabel", SKOS + "altLabel",
            "https://schema.org/name", "http://schema.org/name", "http://xmlns.com/foaf/0.1/name",
            "http://purl.org/dc/terms/title", "http://purl.org/dc/elements/1.1/title");
    private static final Set<String> META_NAMESPACES = Set.of(RDF, RDFS, OWL, "http://www.w3.org/2001/XMLSchema#",
            "http://www.w3.org/ns/shacl#");
    private static final Set<String> UNIT_PROPERTIES = Set.of(GG_UNIT, "http://qudt.org/schema/qudt/hasUnit",
            "http://qudt.org/schema/qudt/unit");
    private static final Node TYPE = NodeFactory.createURI(RDF_TYPE);
    /** Declarations, in this order: a term declared twice keeps the first kind that is not plain Property. */
    private static final List<String> DECLARATION_KINDS = List.of(OWL + "Class", RDFS + "Class",
            OWL + "ObjectProperty", OWL + "DatatypeProperty", RDF + "Property", OWL + "AnnotationProperty");
    private static final int MAX_PROBE_ROWS = 5_000;
    private static final int MAX_CATEGORIES = 50;
    private static final int MAX_PATHS_PER_PAIR = 3;
    private static final int MAX_PATH_EXPANSIONS = 20_000;
    private static final int MAX_PATH_WORK = 5_000;
    private static final int PATH_SAMPLE = 50;
    private static final int PATH_ROWS = 1_000;

    /**
     * A profile and what was learned on the way that other derived structures can reuse.
     *
     * @param profile the profile
     * @param types the classes of every typed IRI (entailed types included), immutable lists
     */
    public record Built(GraphProfile profile, Map<String, List<String>> types) {
    }

    private final GraphRows rows;
    private final int sample;
    private final Map<String, List<String>> types = new HashMap<>();
    private final Map<String, Long> instances = new HashMap<>();
    private final Map<String, Set<String>> supers = new HashMap<>();
    private final Map<String, String> declared = new HashMap<>();
    private final Map<String, List<String>> domains = new HashMap<>();
    private final Map<String, List<String>> ranges = new HashMap<>();
    private final Map<String, String> declaredUnits = new HashMap<>();
    private final Map<String, Long> predicates = new LinkedHashMap<>();
    private final List<NameIndex.Entry> names = new ArrayList<>();
    private final Set<String> named = new HashSet<>();
    private final Map<String, String> labels = new HashMap<>();
    private final Map<String, Set<String>> aliases = new HashMap<>();
    /** Links between resources read with the class samples, both ways: node to (property, other node). */
    private final Map<String, List<String[]>> outgoing = new HashMap<>();
    private final Map<String, List<String[]>> incoming = new HashMap<>();
    private final Map<String, List<String>> sampledInstances = new HashMap<>();
    private final Map<List<String>, List<String>> directMemo = new IdentityHashMap<>();

    private ProfileBuilder(GraphRows rows, int sample) {
        this.rows = rows;
        this.sample = sample;
    }

    /** Builds the profile of one graph version. */
    public static Built build(GraphRows rows, String version, Map<String, String> prefixes, int samplePerClass) {
        return new ProfileBuilder(rows, samplePerClass).run(version, prefixes);
    }

    private Built run(String version, Map<String, String> prefixes) {
        long start = System.nanoTime();
        readTypes();
        readDeclarations();
        readNames();
        rows.predicateCounts().forEach((p, n) -> predicates.put(key(p), n));
        List<String> classIris = classIris();
        Map<String, Map<String, Acc>> raw = new LinkedHashMap<>();
        Map<String, Integer> sampled = new HashMap<>();
        Map<Edge, long[]> edges = new HashMap<>();
        int sampledClasses = 0;
        for (String c : classIris) {
            if (instances.getOrDefault(c, 0L) == 0) {
                continue;
            }
            int read = sampleClass(c, raw.computeIfAbsent(c, x -> new LinkedHashMap<>()), edges);
            sampled.put(c, read);
            if (instances.get(c) > read) {
                sampledClasses++;
            }
        }
        Map<String, ClassProfile> classes = new LinkedHashMap<>();
        for (String c : classIris) {
            classes.put(c, classProfile(c, raw.getOrDefault(c, Map.of()), sampled.getOrDefault(c, 0), raw));
        }
        List<PropertyProfile> properties = propertyProfiles(classes);
        Map<String, PropertyProfile> byIri = new HashMap<>();
        properties.forEach(p -> byIri.put(p.iri(), p));
        addPropertyNames(properties, classes);
        addLocalNames(classIris, properties);
        List<ClassProfile> classList = classes.values().stream()
                .sorted(Comparator.comparingLong(ClassProfile::instances).reversed().thenComparing(ClassProfile::iri))
                .toList();
        List<ClassPath> paths = paths(edges, classes.keySet());
        NameIndex index = NameIndex.build(names);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<String, String> allPrefixes = new LinkedHashMap<>(WellKnownPrefixes.ALL);
        allPrefixes.putAll(prefixes);
        GraphProfile profile = new GraphProfile(version, allPrefixes, classList, properties, paths,
                new GraphProfile.BuildStats(millis, sample, sampledClasses, index.size()), index, null);
        return new Built(profile, types);
    }

    private void readTypes() {
        Map<String, List<String>> lists = new HashMap<>();
        rows.find(null, TYPE, null, triple -> {
            if (triple.getObject().isURI()) {
                String t = triple.getObject().getURI();
                lists.computeIfAbsent(key(triple.getSubject()), x -> new ArrayList<>(2)).add(t);
                instances.merge(t, 1L, Long::sum);
            }
        });
        // one immutable list per distinct type set, shared by all subjects that have it
        Map<List<String>, List<String>> shared = new HashMap<>();
        lists.forEach((s, l) -> types.put(s, shared.computeIfAbsent(l, List::copyOf)));
    }

    private void readDeclarations() {
        for (String kind : DECLARATION_KINDS) {
            String local = NameText.localName(kind);
            rows.find(null, TYPE, NodeFactory.createURI(kind), t -> {
                if (t.getSubject().isURI()) {
                    declared.merge(t.getSubject().getURI(), local, (a, x) -> a.equals("Property") ? x : a);
                }
            });
        }
        rows.find(null, NodeFactory.createURI(RDFS + "subClassOf"), null, t -> {
            Node c = t.getSubject();
            Node d = t.getObject();
            if (c.isURI() && d.isURI() && !c.equals(d)) {
                supers.computeIfAbsent(c.getURI(), x -> new LinkedHashSet<>()).add(d.getURI());
            }
        });
        closeSupers();
        rows.declared(RDFS + "domain", t -> domains.computeIfAbsent(t.getSubject().getURI(), x -> new ArrayList<>())
                .add(t.getObject().getURI()));
        rows.declared(RDFS + "range", t -> ranges.computeIfAbsent(t.getSubject().getURI(), x -> new ArrayList<>())
                .add(t.getObject().getURI()));
        for (String k : UNIT_PROPERTIES) {
            rows.find(null, NodeFactory.createURI(k), null, t -> {
                Node u = t.getObject();
                String p = t.getSubject().isURI() ? t.getSubject().getURI() : null;
                String text = u.isLiteral() ? u.getLiteralLexicalForm() : u.isURI() ? NameText.localName(u.getURI())
                        : null;
                if (p != null && text != null && (k.equals(GG_UNIT) || !declaredUnits.containsKey(p))) {
                    declaredUnits.put(p, text);
                }
            });
        }
    }

    /** Makes {@link #supers} transitive (the data may or may not hold the entailed closure). */
    private void closeSupers() {
        Map<String, Set<String>> closed = new HashMap<>();
        for (String c : supers.keySet()) {
            Set<String> seen = new LinkedHashSet<>();
            List<String> todo = new ArrayList<>(supers.get(c));
            while (!todo.isEmpty()) {
                String d = todo.remove(todo.size() - 1);
                if (!d.equals(c) && seen.add(d)) {
                    todo.addAll(supers.getOrDefault(d, Set.of()));
                }
            }
            closed.put(c, seen);
        }
        supers.clear();
        supers.putAll(closed);
    }

    private void readNames() {
        for (String p : WELL_KNOWN_NAMES) {
            NameIndex.Source source = p.equals(SKOS + "prefLabel") ? NameIndex.Source.PREF_LABEL
                    : p.equals(SKOS + "altLabel") ? NameIndex.Source.ALT_LABEL
                    : p.equals(RDFS + "label") ? NameIndex.Source.LABEL : NameIndex.Source.NAME_PROPERTY;
            rows.find(null, NodeFactory.createURI(p), null, t -> {
                if (t.getSubject().isURI() && t.getObject().isLiteral()) {
                    readName(t.getSubject().getURI(), p, t.getObject(), source);
                }
            });
        }
    }

    private void readName(String s, String p, Node l, NameIndex.Source source) {
        names.add(new NameIndex.Entry(s, l.getLiteralLexicalForm(), l.getLiteralLanguage(), source, p, types.get(s)));
        named.add(s);
        if (declared.containsKey(s) || !types.containsKey(s)) {
            aliases.computeIfAbsent(s, x -> new LinkedHashSet<>()).add(l.getLiteralLexicalForm());
            if (source == NameIndex.Source.LABEL || source == NameIndex.Source.PREF_LABEL) {
                boolean english = l.getLiteralLanguage().isEmpty() || l.getLiteralLanguage().startsWith("en");
                labels.merge(s, l.getLiteralLexicalForm(), (a, x) -> english ? x : a);
            }
        }
    }

    private List<String> classIris() {
        Set<String> all = new LinkedHashSet<>();
        declared.forEach((iri, kind) -> {
            if (kind.equals("Class")) {
                all.add(iri);
            }
        });
        all.addAll(instances.keySet());
        all.removeIf(ProfileBuilder::isMeta);
        return List.copyOf(all);
    }

    /** Reads the triples of up to {@link #sample} instances of a class into per-property accumulators. */
    private int sampleClass(String c, Map<String, Acc> uses, Map<Edge, long[]> edges) {
        Map<String, Digest> bySubject = new LinkedHashMap<>();
        Node[] last = new Node[1];
        Digest[] lastDigest = new Digest[1];
        rows.instanceTriples(c, sample, t -> {
            String p = t.getPredicate().getURI();
            if (!p.equals(RDF_TYPE)) {
                if (!t.getSubject().equals(last[0])) { // a subject's triples come together: look it up once
                    last[0] = t.getSubject();
                    lastDigest[0] = bySubject.computeIfAbsent(key(t.getSubject()), x -> new Digest());
                }
                lastDigest[0].add(p, t.getObject());
            }
        });
        int read = (int) Math.min(sample, instances.getOrDefault(c, 0L));
        double scale = read == 0 ? 1 : (double) instances.get(c) / read;
        sampledInstances.put(c, bySubject.keySet().stream().limit(PATH_SAMPLE).toList());
        bySubject.forEach((s, props) -> {
            if (!outgoing.containsKey(s)) {
                List<String[]> out = new ArrayList<>(2);
                outgoing.put(s, out);
                for (int i = 0; i < props.size; i++) {
                    for (Node o : props.values[i]) {
                        if (!o.isLiteral()) {
                            String object = key(o);
                            out.add(new String[] { props.properties[i], object });
                            incoming.computeIfAbsent(object, x -> new ArrayList<>(2))
                                    .add(new String[] { props.properties[i], s });
                        }
                    }
                }
            }
            boolean direct = directTypesOf(types.getOrDefault(s, List.of())).contains(c);
            for (int i = 0; i < props.size; i++) {
                String p = props.properties[i];
                List<Node> values = props.values[i];
                uses.computeIfAbsent(p, x -> new Acc()).add(values, types);
                if (direct) {
                    for (Node o : values) {
                        if (!o.isLiteral()) {
                            for (String d : directTypesOf(types.getOrDefault(key(o), List.of()))) {
                                edges.computeIfAbsent(new Edge(c, p, d), x -> new long[1])[0]++;
                            }
                        }
                    }
                }
            }
        });
        if (scale > 1) {
            edges.forEach((e, n) -> {
                if (e.from().equals(c)) {
                    n[0] = Math.round(n[0] * scale);
                }
            });
        }
        return read;
    }

    /** One subject's values per property, properties in the order first seen: a few entries, searched in a row. */
    private static final class Digest {
        private String[] properties = new String[4];
        @SuppressWarnings("unchecked")
        private List<Node>[] values = new List[4];
        private int size;

        void add(String p, Node o) {
            for (int i = size - 1; i >= 0; i--) {
                if (properties[i].equals(p)) {
                    values[i].add(o);
                    return;
                }
            }
            if (size == properties.length) {
                properties = Arrays.copyOf(properties, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            properties[size] = p;
            List<Node> list = new ArrayList<>(1);
            list.add(o);
            values[size++] = list;
        }
    }

    private ClassProfile classProfile(String c, Map<String, Acc> uses, int read, Map<String, Map<String, Acc>> raw) {
        long total = instances.getOrDefault(c, 0L);
        boolean isSampled = total > read;
        List<PropertyUse> list = new ArrayList<>();
        for (Map.Entry<String, Acc> e : uses.entrySet()) {
            list.add(use(c, e.getKey(), e.getValue(), read, total, isSampled, raw));
        }
        list.sort(Comparator.comparingDouble(PropertyUse::share).reversed().thenComparing(PropertyUse::property));
        List<String> direct = new ArrayList<>(directTypes(new ArrayList<>(supers.getOrDefault(c, Set.of()))));
        direct.removeIf(ProfileBuilder::isMeta);
        return new ClassProfile(c, displayName(c), total, direct, list);
    }

    private PropertyUse use(String c, String p, Acc acc, int read, long total, boolean isSampled,
            Map<String, Map<String, Acc>> raw) {
        double share = read == 0 ? 0 : Math.min(1.0, (double) acc.subjects / read);
        long subjects = isSampled ? Math.round(share * total) : acc.subjects;
        List<Count> objectClasses = counts(acc.objectClasses(), 8);
        List<Count> datatypes = counts(acc.datatypes(), 5);
        ValueKind kind;
        Double numericShare = null;
        boolean asStrings = false;
        ValueNode node = null;
        List<Count> categories = null;
        if (acc.resources > acc.literals.size()) {
            kind = ValueKind.RESOURCE;
            node = valueNode(c, p, acc, raw);
            if (node != null) {
                kind = ValueKind.VALUE_NODE;
            }
        } else {
            LiteralKinds.Verdict v = LiteralKinds.classify(acc.literals, acc.subjects);
            kind = v.kind();
            numericShare = v.numericShare();
            asStrings = v.numbersAsStrings();
            if (kind == ValueKind.CATEGORY) {
                categories = isSampled ? exactCategories(c, p) : counts(acc.values(), MAX_CATEGORIES);
            }
        }
        String unit = declaredUnits.get(p);
        if (unit == null) {
            unit = UnitNames.of(labelOf(p)).or(() -> UnitNames.of(NameText.localName(p))).orElse(null);
        }
        if (unit == null && node != null && node.units().size() == 1) {
            unit = node.units().get(0);
        }
        return new PropertyUse(p, subjects, Math.round(share * 1000) / 1000.0, acc.max, kind, objectClasses, datatypes,
                numericShare, asStrings, unit, acc.examples(), categories, node, isSampled);
    }

    /**
     * Whether the objects of {@code c p} only carry a number and a unit: read from their class's own profile when they
     * are typed, else from a bounded probe of their triples.
     */
    private ValueNode valueNode(String c, String p, Acc acc, Map<String, Map<String, Acc>> raw) {
        Map<String, Acc> objectUses;
        int objects;
        if (acc.untyped * 2 < acc.resources && !acc.objectClasses().isEmpty()) {
            String d = acc.objectClasses().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            objectUses = raw.get(d);
            objects = (int) Math.min(sample, instances.getOrDefault(d, 0L));
            if (objectUses == null) {
                return null;
            }
        } else {
            Map<String, Map<String, List<Node>>> byObject = new LinkedHashMap<>();
            rows.objectTriples(c, sample, p, MAX_PROBE_ROWS, t -> {
                String q = t.getPredicate().getURI();
                if (!q.equals(RDF_TYPE)) {
                    byObject.computeIfAbsent(key(t.getSubject()), x -> new LinkedHashMap<>())
                            .computeIfAbsent(q, x -> new ArrayList<>(1)).add(t.getObject());
                }
            });
            objectUses = new LinkedHashMap<>();
            for (Map<String, List<Node>> props : byObject.values()) {
                props.forEach((q, values) -> objectUses.computeIfAbsent(q, x -> new Acc()).add(values, types));
            }
            objects = byObject.size();
        }
        return ValueNodes.detect(objectUses, objects);
    }

    private List<Count> exactCategories(String c, String p) {
        List<Count> out = new ArrayList<>();
        select("SELECT ?v (COUNT(*) AS ?n) WHERE { ?s a <" + c + "> ; <" + p + "> ?v } GROUP BY ?v ORDER BY DESC(?n) "
                + "LIMIT " + MAX_CATEGORIES, b -> out.add(new Count(Acc.text(b.get(Var.alloc("v"))), number(b, "n"))));
        return out;
    }

    private List<PropertyProfile> propertyProfiles(Map<String, ClassProfile> classes) {
        Set<String> iris = new LinkedHashSet<>(predicates.keySet());
        declared.forEach((iri, kind) -> {
            if (kind.endsWith("Property")) {
                iris.add(iri);
            }
        });
        Map<String, List<ClassProfile>> usedBy = new HashMap<>();
        classes.values().forEach(c -> c.properties().forEach(u -> usedBy.computeIfAbsent(u.property(),
                x -> new ArrayList<>()).add(c)));
        Map<String, ValueKind> inner = new HashMap<>();
        classes.values().forEach(c -> c.properties().stream().filter(u -> u.valueNode() != null).forEach(u -> {
            inner.put(u.valueNode().valueProperty(), ValueKind.NUMBER);
            if (u.valueNode().unitProperty() != null) {
                inner.put(u.valueNode().unitProperty(), ValueKind.CATEGORY);
            }
        }));
        List<PropertyProfile> out = new ArrayList<>();
        for (String p : iris) {
            List<ClassProfile> users = usedBy.getOrDefault(p, List.of());
            Map<ValueKind, Long> kinds = new HashMap<>();
            Map<String, Long> rangeCounts = new LinkedHashMap<>();
            String unit = declaredUnits.get(p);
            String unitSource = unit == null ? null : "declared";
            for (ClassProfile c : users) {
                PropertyUse u = c.use(p).orElseThrow();
                kinds.merge(u.kind(), u.subjects(), Long::sum);
                (u.kind() == ValueKind.RESOURCE || u.kind() == ValueKind.VALUE_NODE ? u.objectClasses() : u.datatypes())
                        .forEach(x -> rangeCounts.merge(x.value(), x.count(), Long::sum));
                if (unit == null && u.unit() != null) {
                    unit = u.unit();
                    unitSource = u.valueNode() != null && !UnitNames.of(NameText.localName(p)).isPresent()
                            && !UnitNames.of(labelOf(p)).isPresent() ? "value-node" : "name";
                }
            }
            if (unit == null) {
                unit = UnitNames.of(labelOf(p)).or(() -> UnitNames.of(NameText.localName(p))).orElse(null);
                unitSource = unit == null ? null : "name";
            }
            ValueKind kind = kinds.entrySet().stream().max(Map.Entry.<ValueKind, Long>comparingByValue()
                    .thenComparing(e -> -e.getKey().ordinal())).map(Map.Entry::getKey)
                    .orElse(inner.getOrDefault(p, "DatatypeProperty".equals(declared.get(p)) ? ValueKind.TEXT
                            : ValueKind.RESOURCE));
            List<String> observedDomains = mostGeneral(users.stream().map(ClassProfile::iri).toList());
            List<String> observedRanges = mostGeneral(rangeCounts.keySet().stream().toList());
            List<String> declaredDomains = domains.getOrDefault(p, List.of());
            List<String> declaredRanges = ranges.getOrDefault(p, List.of());
            boolean nameLike = WELL_KNOWN_NAMES.contains(p) || kind == ValueKind.NAME && nameWords(p);
            out.add(new PropertyProfile(p, displayName(p), aliasesOf(p), predicates.getOrDefault(p, 0L), kind,
                    observedDomains.isEmpty() ? declaredDomains : observedDomains,
                    observedRanges.isEmpty() ? declaredRanges : observedRanges, declaredDomains, declaredRanges, unit,
                    unitSource, nameLike));
        }
        // a class without a well-known name property: its most common NAME-kind property names its instances
        Set<String> nameLike = new HashSet<>();
        for (ClassProfile c : classes.values()) {
            if (c.properties().stream().anyMatch(u -> WELL_KNOWN_NAMES.contains(u.property()))) {
                continue;
            }
            c.properties().stream().filter(u -> u.kind() == ValueKind.NAME && u.share() >= 0.5).findFirst()
                    .ifPresent(u -> nameLike.add(u.property()));
        }
        List<PropertyProfile> result = new ArrayList<>();
        for (PropertyProfile p : out) {
            result.add(nameLike.contains(p.iri()) && !p.nameLike() ? new PropertyProfile(p.iri(), p.name(), p.names(),
                    p.triples(), p.kind(), p.domains(), p.ranges(), p.declaredDomains(), p.declaredRanges(), p.unit(),
                    p.unitSource(), true) : p);
        }
        result.sort(Comparator.comparingLong(PropertyProfile::triples).reversed().thenComparing(PropertyProfile::iri));
        return result;
    }

    /** Adds the values of label-like properties found in the data, and categorical values, to the names. */
    private void addPropertyNames(List<PropertyProfile> properties, Map<String, ClassProfile> classes) {
        for (PropertyProfile p : properties) {
            if (p.nameLike() && !WELL_KNOWN_NAMES.contains(p.iri())) {
                rows.find(null, NodeFactory.createURI(p.iri()), null, t -> {
                    if (t.getSubject().isURI() && t.getObject().isLiteral()) {
                        String s = t.getSubject().getURI();
                        Node l = t.getObject();
                        names.add(new NameIndex.Entry(s, l.getLiteralLexicalForm(), l.getLiteralLanguage(),
                                NameIndex.Source.NAME_PROPERTY, p.iri(), types.get(s)));
                        named.add(s);
                    }
                });
            }
        }
        Map<String, Set<String>> valueClasses = new LinkedHashMap<>();
        for (ClassProfile c : classes.values()) {
            for (PropertyUse u : c.properties()) {
                if (u.categories() != null) {
                    for (Count v : u.categories()) {
                        valueClasses.computeIfAbsent(u.property() + "\u0000" + v.value(), x -> new LinkedHashSet<>())
                                .add(c.iri());
                    }
                }
            }
        }
        valueClasses.forEach((k, cs) -> {
            int cut = k.indexOf('\u0000');
            names.add(new NameIndex.Entry(null, k.substring(cut + 1), "", NameIndex.Source.VALUE, k.substring(0, cut),
                    mostSpecific(cs)));
        });
    }

    /** Local names of classes, properties and unlabelled instances, split into words. */
    private void addLocalNames(List<String> classIris, List<PropertyProfile> properties) {
        List<String> schemaTerms = new ArrayList<>(classIris);
        properties.forEach(p -> schemaTerms.add(p.iri()));
        for (String iri : schemaTerms) {
            for (String n : localNames(iri)) {
                names.add(new NameIndex.Entry(iri, n, "", NameIndex.Source.LOCAL_NAME, null, types.get(iri)));
            }
        }
        types.forEach((s, t) -> {
            if (!named.contains(s) && !s.startsWith("_:")) {
                for (String n : localNames(s)) {
                    names.add(new NameIndex.Entry(s, n, "", NameIndex.Source.LOCAL_NAME, null, t));
                }
            }
        });
    }

    /** The names of a local name, the first (the one shown) with its case kept: "North America", not "north america". */
    private static List<String> localNames(String iri) {
        String local = NameText.localName(iri);
        List<String> out = new ArrayList<>(NameText.namesOfLocalName(local));
        if (!out.isEmpty()) {
            out.set(0, NameText.display(local));
        }
        return out;
    }

    /** Up to three paths of at most three hops between every two classes, over the observed class-to-class links. */
    private List<ClassPath> paths(Map<Edge, long[]> edges, Set<String> classIris) {
        Map<String, List<Hop>> out = new HashMap<>();
        edges.forEach((e, count) -> {
            long n = count[0];
            if (classIris.contains(e.from()) && classIris.contains(e.to())) {
                out.computeIfAbsent(e.from(), x -> new ArrayList<>()).add(new Hop(e.to(),
                        new ClassPath.Step(e.property(), false), n));
                if (!e.from().equals(e.to())) {
                    out.computeIfAbsent(e.to(), x -> new ArrayList<>()).add(new Hop(e.from(),
                            new ClassPath.Step(e.property(), true), n));
                }
            }
        });
        out.values().forEach(l -> l.sort(Comparator.comparingLong(Hop::count).reversed()));
        List<ClassPath> paths = new ArrayList<>();
        for (String from : out.keySet().stream().sorted().toList()) {
            Map<String, List<ClassPath>> found = new LinkedHashMap<>();
            List<Partial> frontier = List.of(new Partial(List.of(from), List.of(), Long.MAX_VALUE));
            int expansions = 0;
            for (int depth = 1; depth <= 3 && !frontier.isEmpty() && expansions <= MAX_PATH_EXPANSIONS; depth++) {
                List<Partial> next = new ArrayList<>();
                for (Partial p : frontier) {
                    for (Hop h : out.getOrDefault(p.last(), List.of())) {
                        if (++expansions > MAX_PATH_EXPANSIONS) {
                            break;
                        }
                        if (p.classes().contains(h.to()) && !(h.to().equals(from) && p.classes().size() == 1)) {
                            continue; // no cycles; a class linked to itself is one hop
                        }
                        Partial longer = p.then(h);
                        List<ClassPath> atTarget = found.computeIfAbsent(h.to(), x -> new ArrayList<>());
                        boolean shortest = atTarget.isEmpty() || atTarget.get(0).steps().size() == depth;
                        if (!shortest || atTarget.size() >= MAX_PATHS_PER_PAIR) {
                            continue; // only the shortest paths are kept, so only they are extended
                        }
                        atTarget.add(new ClassPath(from, h.to(), longer.steps(), longer.count()));
                        if (!h.to().equals(from)) {
                            next.add(longer);
                        }
                    }
                }
                frontier = next;
            }
            found.values().forEach(paths::addAll);
        }
        return verified(paths);
    }

    /**
     * Keeps the multi-hop paths that connect real instances (links that meet in the same middle nodes), walking the
     * links read with the class samples from up to {@link #PATH_SAMPLE} start instances; bounded in nodes visited.
     */
    private List<ClassPath> verified(List<ClassPath> paths) {
        List<ClassPath> out = new ArrayList<>();
        for (ClassPath p : paths) {
            if (p.steps().size() == 1) {
                out.add(p);
                continue;
            }
            long n = connected(p);
            if (n > 0) {
                out.add(new ClassPath(p.from(), p.to(), p.steps(), n));
            }
        }
        return out;
    }

    /** How many (start, end) instance pairs a path connects, from the sampled start instances. */
    private long connected(ClassPath path) {
        long pairs = 0; // distinct (start, end) pairs: the starts are distinct and each start's ends are a set
        int work = 0;
        for (String a : sampledInstances.getOrDefault(path.from(), List.of())) {
            Set<String> frontier = Set.of(a);
            for (ClassPath.Step step : path.steps()) {
                Set<String> next = new HashSet<>();
                Map<String, List<String[]>> links = step.inverse() ? incoming : outgoing;
                String property = step.property();
                for (String node : frontier) {
                    List<String[]> out = links.getOrDefault(node, List.of());
                    if ((work += out.size()) > MAX_PATH_WORK) {
                        return pairs; // a hub: what was found so far is the count
                    }
                    for (String[] link : out) {
                        if (link[0].equals(property)) {
                            next.add(link[1]);
                        }
                    }
                }
                frontier = next;
            }
            for (String b : frontier) {
                if (!b.equals(a) && types.getOrDefault(b, List.of()).contains(path.to())) {
                    if (++pairs >= PATH_ROWS) {
                        return pairs;
                    }
                }
            }
        }
        return pairs;
    }

    /** A path being extended: the classes it passed, its steps and its sparsest step's count. */
    private record Partial(List<String> classes, List<ClassPath.Step> steps, long count) {
        String last() {
            return classes.get(classes.size() - 1);
        }

        Partial then(Hop h) {
            List<String> c = new ArrayList<>(classes);
            c.add(h.to());
            List<ClassPath.Step> s = new ArrayList<>(steps);
            s.add(h.step());
            return new Partial(c, s, Math.min(count, h.count()));
        }
    }

    private record Edge(String from, String property, String to) {
    }

    private record Hop(String to, ClassPath.Step step, long count) {
    }

    /** {@link #directTypes} of a type list of {@link #types} (one list per distinct set of types): worked out once. */
    private List<String> directTypesOf(List<String> shared) {
        return shared.size() <= 1 ? shared : directMemo.computeIfAbsent(shared, this::directTypes);
    }

    /** The types of a resource that are not superclasses of its other types. */
    private List<String> directTypes(List<String> all) {
        if (all.size() <= 1) {
            return all;
        }
        List<String> direct = new ArrayList<>();
        for (String t : all) {
            boolean implied = false;
            for (String other : all) {
                if (!other.equals(t) && supers.getOrDefault(other, Set.of()).contains(t)) {
                    implied = true;
                    break;
                }
            }
            if (!implied && !isMeta(t)) {
                direct.add(t);
            }
        }
        return direct;
    }

    private List<String> mostSpecific(Set<String> classes) {
        return directTypes(new ArrayList<>(classes));
    }

    /** Drops classes whose superclass is also listed. */
    private List<String> mostGeneral(List<String> classes) {
        List<String> out = new ArrayList<>();
        for (String c : classes) {
            Set<String> s = supers.getOrDefault(c, Set.of());
            if (classes.stream().noneMatch(s::contains)) {
                out.add(c);
            }
        }
        return out;
    }

    private String labelOf(String iri) {
        return labels.get(iri);
    }

    private String displayName(String iri) {
        String label = labels.get(iri);
        return label != null ? label : String.join(" ", NameText.words(NameText.localName(iri)));
    }

    private List<String> aliasesOf(String iri) {
        Set<String> all = new LinkedHashSet<>(aliases.getOrDefault(iri, Set.of()));
        all.addAll(NameText.namesOfLocalName(NameText.localName(iri)));
        return List.copyOf(all);
    }

    private static boolean nameWords(String p) {
        List<String> w = NameText.words(NameText.localName(p));
        return w.contains("name") || w.contains("title") || w.contains("label");
    }

    private static List<Count> counts(Map<String, Long> counts, int limit) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(limit).map(e -> new Count(e.getKey(), e.getValue()))
                .toList();
    }

    /** A well-known name property, or one whose local name says name, title or label. */
    static boolean isNameProperty(String iri) {
        return WELL_KNOWN_NAMES.contains(iri) || nameWords(iri);
    }

    static boolean isMeta(String iri) {
        for (String ns : META_NAMESPACES) {
            if (iri.startsWith(ns)) {
                return true;
            }
        }
        return false;
    }

    private void select(String text, Consumer<Binding> row) {
        rows.select(text, row);
    }

    /** The key of a subject or object: its IRI, or {@code _:label} for a blank node. */
    static String key(Node n) {
        return n.isURI() ? n.getURI() : n.isBlank() ? "_:" + n.getBlankNodeLabel() : n.toString();
    }

    private static long number(Binding b, String var) {
        return ((Number) b.get(Var.alloc(var)).getLiteralValue()).longValue();
    }
}
