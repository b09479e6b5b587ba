package io.groundgate.kg.validation;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.XSD;

/**
 * The classes and properties the loaded ontologies declare, their ranges, and the namespaces whose terms an ontology
 * declares (a namespace of an {@code owl:Ontology} IRI that declares at least one term there): only in those is an
 * undeclared term a likely typo.
 */
public final class DeclaredTerms {

    private static final Set<Node> CLASS_TYPES = Set.of(OWL2.Class.asNode(), RDFS.Class.asNode(),
            RDFS.Datatype.asNode());
    private static final Set<Node> PROPERTY_TYPES = Set.of(RDF.Property.asNode(), OWL2.ObjectProperty.asNode(),
            OWL2.DatatypeProperty.asNode(), OWL2.AnnotationProperty.asNode(), OWL2.FunctionalProperty.asNode(),
            OWL2.InverseFunctionalProperty.asNode(), OWL2.TransitiveProperty.asNode(),
            OWL2.SymmetricProperty.asNode(), OWL2.AsymmetricProperty.asNode(), OWL2.ReflexiveProperty.asNode(),
            OWL2.IrreflexiveProperty.asNode());
    private static final Set<String> STANDARD = Set.of(RDF.getURI(), RDFS.getURI(), OWL2.getURI(), XSD.getURI());

    private final Set<String> classes = new LinkedHashSet<>();
    private final Set<String> properties = new LinkedHashSet<>();
    private final Map<String, Node> ranges = new HashMap<>();
    private final Set<String> declaringNamespaces = new LinkedHashSet<>();

    /** Collects the declarations of every file. */
    public static DeclaredTerms of(List<SourceGraph> files) {
        DeclaredTerms terms = new DeclaredTerms();
        Set<String> ontologies = new LinkedHashSet<>();
        for (SourceGraph f : files) {
            f.graph().find(Node.ANY, Node.ANY, Node.ANY).forEach(t -> terms.collect(t, ontologies));
        }
        for (String term : union(terms.classes, terms.properties)) {
            String ns = Closest.namespace(term);
            if (STANDARD.contains(ns)) {
                continue;
            }
            for (String o : ontologies) {
                if (ns.equals(o + "#") || ns.equals(o + "/") || ns.equals(o)) {
                    terms.declaringNamespaces.add(ns);
                }
            }
        }
        return terms;
    }

    private void collect(Triple t, Set<String> ontologies) {
        Node s = t.getSubject();
        Node p = t.getPredicate();
        Node o = t.getObject();
        if (!s.isURI()) {
            return;
        }
        if (p.equals(RDF.type.asNode())) {
            if (CLASS_TYPES.contains(o)) {
                classes.add(s.getURI());
            } else if (PROPERTY_TYPES.contains(o)) {
                properties.add(s.getURI());
            } else if (o.equals(OWL2.Ontology.asNode())) {
                ontologies.add(s.getURI());
            }
        } else if (p.equals(RDFS.subClassOf.asNode())) {
            classes.add(s.getURI());
        } else if (p.equals(RDFS.subPropertyOf.asNode()) || p.equals(RDFS.domain.asNode())) {
            properties.add(s.getURI());
        } else if (p.equals(RDFS.range.asNode())) {
            properties.add(s.getURI());
            ranges.putIfAbsent(s.getURI(), o);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Whether an ontology declares the terms of this IRI's namespace. */
    public boolean declaresNamespaceOf(String iri) {
        return declaringNamespaces.contains(Closest.namespace(iri));
    }

    public boolean isDeclared(String iri) {
        return classes.contains(iri) || properties.contains(iri);
    }

    public Set<String> classes() {
        return classes;
    }

    public Set<String> properties() {
        return properties;
    }

    /** The declared {@code rdfs:range} of a property, or null. */
    public Node range(String property) {
        return ranges.get(property);
    }
}
