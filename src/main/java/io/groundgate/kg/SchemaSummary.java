package io.groundgate.kg;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the graph is about, built once per version: its classes and properties with labels, comments, hierarchy, domain,
 * range and units, and {@link #text()}, a compact rendering meant for a model that writes SPARQL.
 *
 * @param prefixes prefix to namespace, as used in {@link #text()}
 * @param classes classes, most instances first
 * @param properties properties, most used first
 * @param text the compact rendering (a few KB at most)
 */
public record SchemaSummary(Map<String, String> prefixes, List<ClassInfo> classes, List<PropertyInfo> properties,
        String text) {

    public SchemaSummary {
        prefixes = Map.copyOf(prefixes);
        classes = List.copyOf(classes);
        properties = List.copyOf(properties);
    }

    /** Whether a property points at literals or at resources. */
    public enum PropertyKind {
        DATATYPE, OBJECT
    }

    /**
     * A class.
     *
     * @param iri the class
     * @param label its preferred label, or null
     * @param comment its rdfs:comment, or null
     * @param superClasses its direct named superclasses
     * @param instances how many resources have it as rdf:type (with entailment: including subclasses' instances)
     */
    public record ClassInfo(String iri, String label, String comment, List<String> superClasses, long instances) {
        public ClassInfo {
            superClasses = List.copyOf(superClasses);
        }
    }

    /**
     * A property.
     *
     * @param iri the property
     * @param label its preferred label, or null
     * @param altLabels its skos:altLabel values
     * @param comment its rdfs:comment, or null
     * @param domains its rdfs:domain classes
     * @param ranges its rdfs:range classes or datatypes
     * @param kind datatype or object property (declared, else from its range or its values)
     * @param unit the unit of its values from {@code gg:unit} or {@code qudt:hasUnit}, or null
     * @param uses how many triples use it
     */
    public record PropertyInfo(String iri, String label, List<String> altLabels, String comment, List<String> domains,
            List<String> ranges, PropertyKind kind, String unit, long uses) {
        public PropertyInfo {
            altLabels = List.copyOf(altLabels);
            domains = List.copyOf(domains);
            ranges = List.copyOf(ranges);
        }
    }

    public Optional<ClassInfo> classInfo(String iri) {
        return classes.stream().filter(c -> c.iri().equals(iri)).findFirst();
    }

    public Optional<PropertyInfo> property(String iri) {
        return properties.stream().filter(p -> p.iri().equals(iri)).findFirst();
    }
}
