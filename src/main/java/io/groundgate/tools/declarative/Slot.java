package io.groundgate.tools.declarative;

import java.util.List;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.sparql.core.Var;

/**
 * How one argument becomes an RDF term bound to a query variable (never spliced into the query text).
 *
 * @param parameter the argument's name in {@code parameters}
 * @param variable the SPARQL variable it binds
 * @param kind an entity IRI resolved from a name, or a typed literal
 * @param classes for IRIs: the entity must have one of these classes (inferred superclasses count); empty for any
 * @param matchProperties for IRIs: properties whose exact value may also name the entity (e.g. a chemical symbol)
 * @param datatype for literals: the datatype, or null for a plain string
 * @param lang for literals: a language tag, or null
 */
record Slot(String parameter, Var variable, Kind kind, List<String> classes, List<String> matchProperties,
        RDFDatatype datatype, String lang) {

    enum Kind {
        IRI, LITERAL
    }

    Slot {
        classes = List.copyOf(classes);
        matchProperties = List.copyOf(matchProperties);
    }

    /** Whether an entity with these types fits the slot. */
    boolean accepts(List<String> types) {
        return classes.isEmpty() || classes.stream().anyMatch(types::contains);
    }
}
