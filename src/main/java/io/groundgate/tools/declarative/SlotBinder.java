package io.groundgate.tools.declarative;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.datatypes.DatatypeFormatException;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.kg.GraphSnapshot;
import io.groundgate.kg.LabelHit;
import io.groundgate.kg.QueryLimits;
import io.groundgate.kg.SparqlGuard;
import io.groundgate.tools.kg.Terms;

/**
 * Turns arguments into RDF terms for the query's variables. An IRI slot accepts an IRI, a prefixed name, a label or
 * alternative label (exact, then by a configured property such as a symbol, then prefix or typo), restricted to the
 * slot's class; a literal slot accepts a value valid for its datatype. The terms are bound by substitution, so no
 * argument can change the query's text.
 */
final class SlotBinder {

    /** The bindings for the query and what each argument was resolved to. */
    record Bound(Map<Var, Node> bindings, ObjectNode resolved, List<String> notes) {
    }

    private static final Var E = Var.alloc("e");
    private static final Var P = Var.alloc("p");
    private static final Var TEXT = Var.alloc("text");
    private static final Var C = Var.alloc("c");
    private static final Query BY_VALUE = SparqlGuard.parse(
            "SELECT DISTINCT ?e WHERE { ?e ?p ?v FILTER(isIRI(?e) && LCASE(STR(?v)) = LCASE(?text)) } LIMIT 20");
    private static final Query KNOWN = SparqlGuard.parse("ASK { { ?e ?p ?o } UNION { ?s ?p ?e } }");
    private static final Query HAS_TYPE = SparqlGuard.parse("ASK { ?e a ?c }");

    private SlotBinder() {
    }

    static Bound bind(List<Slot> slots, JsonNode args, GraphSnapshot snapshot) {
        Map<Var, Node> bindings = new LinkedHashMap<>();
        ObjectNode resolved = JsonNodeFactory.instance.objectNode();
        List<String> notes = new ArrayList<>();
        for (Slot slot : slots) {
            JsonNode value = args.get(slot.parameter());
            if (value == null || value.isNull()) {
                continue;
            }
            Node node = switch (slot.kind()) {
                case IRI -> entity(slot, value.asText(), snapshot, resolved);
                case LITERAL -> literal(slot, value);
            };
            bindings.put(slot.variable(), node);
            notes.add("?" + slot.variable().getVarName() + " = " + Terms.text(node));
        }
        return new Bound(bindings, resolved, notes);
    }

    private static Node literal(Slot slot, JsonNode value) {
        String lexical = value.isTextual() ? value.asText() : value.toString();
        if (slot.datatype() != null) {
            if (!slot.datatype().isValid(lexical)) {
                throw new ToolFailure("invalid_arguments", "'" + slot.parameter() + "' must be a valid "
                        + slot.datatype().getURI().replace("http://www.w3.org/2001/XMLSchema#", "xsd:") + "; got '"
                        + lexical + "'.", "/" + slot.parameter());
            }
            try {
                return NodeFactory.createLiteralDT(lexical, slot.datatype());
            } catch (DatatypeFormatException e) {
                throw new ToolFailure("invalid_arguments", e.getMessage(), "/" + slot.parameter());
            }
        }
        return slot.lang() == null ? NodeFactory.createLiteralString(lexical)
                : NodeFactory.createLiteralLang(lexical, slot.lang());
    }

    private static Node entity(Slot slot, String text, GraphSnapshot snapshot, ObjectNode resolved) {
        String where = "/" + slot.parameter();
        Optional<String> iri = Terms.iri(text, snapshot.prefixes());
        if (iri.isPresent()) {
            Node node = NodeFactory.createURI(iri.get());
            if (!ask(snapshot, KNOWN, Map.of(E, node))) {
                throw new ToolFailure("not_found", "The knowledge graph has no entity <" + iri.get() + "> for '"
                        + slot.parameter() + "'.", where);
            }
            if (!slot.classes().isEmpty() && slot.classes().stream().noneMatch(c -> ask(snapshot, HAS_TYPE,
                    Map.of(E, node, C, NodeFactory.createURI(c))))) {
                throw new ToolFailure("invalid_arguments", "<" + iri.get() + "> is not a " + className(snapshot, slot)
                        + ".", where);
            }
            note(resolved, slot, text, iri.get(), snapshot, "iri");
            return node;
        }
        Set<String> exact = distinct(snapshot.labels().exact(text), slot);
        if (exact.size() == 1) {
            return note(resolved, slot, text, exact.iterator().next(), snapshot, "exact");
        }
        if (exact.size() > 1) {
            throw ambiguous(slot, text, exact, snapshot);
        }
        if (!slot.matchProperties().isEmpty()) {
            Set<String> byValue = new LinkedHashSet<>();
            for (String p : slot.matchProperties()) {
                for (Binding b : snapshot.query(BY_VALUE, Map.of(P, NodeFactory.createURI(p), TEXT,
                        NodeFactory.createLiteralString(text)), QueryLimits.of(null, 20)).rows()) {
                    String e = b.get(E).getURI();
                    if (slot.accepts(snapshot.labels().typesOf(e))) {
                        byValue.add(e);
                    }
                }
            }
            if (byValue.size() == 1) {
                return note(resolved, slot, text, byValue.iterator().next(), snapshot, "property value");
            }
            if (byValue.size() > 1) {
                throw ambiguous(slot, text, byValue, snapshot);
            }
        }
        List<LabelHit> near = snapshot.labels().find(text, 200).stream()
                .filter(h -> slot.accepts(h.types())).limit(5)
                .toList();
        // accept a prefix or typo match only when it is clearly the best one
        if (!near.isEmpty() && (near.size() == 1 || near.get(0).score() - near.get(1).score() >= 0.05)) {
            LabelHit best = near.get(0);
            return note(resolved, slot, text, best.iri(), snapshot, best.match().name().toLowerCase());
        }
        String suggestions = near.isEmpty() ? "" : " Did you mean: " + String.join(", ", near.stream()
                .map(LabelHit::label).distinct().toList()) + "?";
        throw new ToolFailure("not_found", "No " + className(snapshot, slot) + " named '" + text
                + "' in the knowledge graph." + suggestions, where);
    }

    private static Set<String> distinct(List<LabelHit> hits, Slot slot) {
        Set<String> iris = new LinkedHashSet<>();
        for (LabelHit h : hits) {
            if (slot.accepts(h.types())) {
                iris.add(h.iri());
            }
        }
        return iris;
    }

    private static ToolFailure ambiguous(Slot slot, String text, Set<String> iris, GraphSnapshot snapshot) {
        return new ToolFailure("ambiguous", "'" + text + "' names " + iris.size() + " entities: " + String.join(", ",
                iris.stream().limit(8).map(i -> snapshot.labels().labelOf(i).orElse(i) + " <" + i + ">").toList())
                + ". Pass one of the IRIs.", "/" + slot.parameter());
    }

    private static Node note(ObjectNode resolved, Slot slot, String input, String iri, GraphSnapshot snapshot,
            String how) {
        ObjectNode o = resolved.putObject(slot.parameter());
        o.put("input", input);
        o.put("iri", iri);
        snapshot.labels().labelOf(iri).ifPresent(l -> o.put("label", l));
        o.put("match", how);
        return NodeFactory.createURI(iri);
    }

    private static String className(GraphSnapshot snapshot, Slot slot) {
        return slot.classes().isEmpty() ? "entity" : String.join(" or ", slot.classes().stream()
                .map(c -> snapshot.labels().labelOf(c).orElse(c)).toList());
    }

    private static boolean ask(GraphSnapshot snapshot, Query query, Map<Var, Node> bindings) {
        return snapshot.query(query, bindings, QueryLimits.SERVER_MAX).ask();
    }
}
