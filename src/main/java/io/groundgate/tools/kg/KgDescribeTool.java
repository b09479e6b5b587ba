package io.groundgate.tools.kg;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.jena.graph.Triple;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.kg.EntityDescription;
import io.groundgate.kg.GraphSnapshot;
import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.kg.LabelHit;
import io.groundgate.kg.SparqlException;
import io.groundgate.tools.Provenance;
import io.groundgate.tools.Tool;
import io.groundgate.tools.ToolContext;
import io.groundgate.tools.ToolError;
import io.groundgate.tools.ToolResult;
import io.groundgate.tools.ToolSpec;

/** {@code kg_describe}: the facts about one entity, outgoing and incoming, with labels and units. */
@ApplicationScoped
public class KgDescribeTool implements Tool {

    public static final String NAME = "kg_describe";
    static final int MAX_LIMIT = 200;
    private static final String DCTERMS_SOURCE = "http://purl.org/dc/terms/source";

    private final KnowledgeGraph kg;
    private final ToolSpec spec = new ToolSpec(NAME, """
            List what the knowledge graph states about one entity: its types and its facts (property, value, unit) \
            in both directions, with labels. Pass the entity's IRI from kg_search (or a prefixed name such as \
            country:DEU, or its exact label). Values carry their unit when the property has one; 'inferred' marks \
            facts entailed by the ontology. When 'truncated' is true there are more facts than 'limit'; use \
            sparql_query for a specific property.""", ObjectSchema.object()
            .string("iri", "The entity: an IRI, a prefixed name, or its exact label ('Gold').", 2000)
            .integer("limit", "How many facts to return at most in each direction.", 1, MAX_LIMIT, 50)
            .required("iri").build());

    public KgDescribeTool(KnowledgeGraph kg) {
        this.kg = kg;
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public ToolResult execute(ObjectNode arguments, ToolContext context) {
        Calls call = new Calls(NAME, arguments);
        GraphSnapshot snapshot = kg.snapshot();
        String lookup = "describe";
        try {
            Args.noOthers(arguments, Set.of("iri", "limit"));
            String entity = Args.requiredText(arguments, "iri");
            int limit = Args.optionalInt(arguments, "limit", 50, 1, MAX_LIMIT);
            Optional<String> iri = Terms.iri(entity, snapshot.prefixes());
            if (iri.isEmpty()) {
                List<LabelHit> exact = EntityResolver.byExactLabel(snapshot, entity);
                Set<String> distinct = new LinkedHashSet<>();
                exact.forEach(h -> distinct.add(h.iri()));
                if (distinct.size() > 1) {
                    return ToolResult.failure(new ToolError("ambiguous", "'" + entity + "' names " + distinct.size()
                            + " entities: " + String.join(", ", distinct.stream().limit(10).toList())
                            + ". Pass one of these IRIs.", "/iri"),
                            call.provenance("label lookup \"" + entity + "\"", snapshot.version(), List.of(), List.of()));
                }
                if (distinct.isEmpty()) {
                    return notFound(call, snapshot, entity, "label lookup \"" + entity + "\"");
                }
                iri = Optional.of(distinct.iterator().next());
            }
            lookup = "describe <" + iri.get() + "> (outgoing and incoming facts, at most " + limit + " each)";
            EntityDescription d = snapshot.describe(iri.get(), limit);
            if (d.isEmpty()) {
                return notFound(call, snapshot, entity, lookup);
            }
            return ToolResult.success(json(d, snapshot), provenance(call, lookup, snapshot, d));
        } catch (Args.Invalid e) {
            return ToolResult.failure(KgToolErrors.invalid(e), call.provenance(lookup, snapshot.version(), List.of(),
                    List.of()));
        } catch (SparqlException e) {
            return ToolResult.failure(KgToolErrors.of(e), call.provenance(lookup, snapshot.version(), List.of(),
                    List.of()));
        }
    }

    private static ToolResult notFound(Calls call, GraphSnapshot snapshot, String entity, String lookup) {
        return ToolResult.failure(new ToolError("not_found", "The knowledge graph has no entity '" + entity
                + "'. Use kg_search to find the IRI of what you mean.", "/iri"),
                call.provenance(lookup, snapshot.version(), List.of(), List.of()));
    }

    private static ObjectNode json(EntityDescription d, GraphSnapshot snapshot) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("iri", d.iri());
        if (d.label() != null) {
            o.put("label", d.label());
        }
        ArrayNode types = o.putArray("types");
        for (String t : d.types()) {
            ObjectNode type = types.addObject().put("iri", t);
            snapshot.labels().labelOf(t).ifPresent(l -> type.put("label", l));
        }
        ArrayNode out = o.putArray("outgoing");
        for (EntityDescription.Fact f : d.outgoing()) {
            ObjectNode fact = out.addObject();
            predicate(fact, f);
            fact.set("value", Terms.json(f.triple().getObject()));
            if (f.objectLabel() != null) {
                fact.put("value_label", f.objectLabel());
            }
            if (f.unit() != null) {
                fact.put("unit", f.unit());
            }
            inferred(fact, f);
        }
        ArrayNode in = o.putArray("incoming");
        for (EntityDescription.Fact f : d.incoming()) {
            ObjectNode fact = in.addObject();
            fact.set("subject", Terms.json(f.triple().getSubject()));
            if (f.subjectLabel() != null) {
                fact.put("subject_label", f.subjectLabel());
            }
            predicate(fact, f);
            inferred(fact, f);
        }
        o.put("truncated", d.truncated());
        return o;
    }

    private static void predicate(ObjectNode fact, EntityDescription.Fact f) {
        fact.put("property", f.triple().getPredicate().getURI());
        if (f.predicateLabel() != null) {
            fact.put("property_label", f.predicateLabel());
        }
    }

    private static void inferred(ObjectNode fact, EntityDescription.Fact f) {
        if (!f.graphs().isEmpty() && f.graphs().stream().allMatch(GraphSnapshot.ENTAILED_GRAPH::equals)) {
            fact.put("inferred", true);
        }
    }

    private static Provenance provenance(Calls call, String lookup, GraphSnapshot snapshot, EntityDescription d) {
        List<Provenance.Fact> facts = new ArrayList<>(d.outgoing().size() + d.incoming().size());
        Set<String> sources = new LinkedHashSet<>(d.sources());
        for (EntityDescription.Fact f : d.outgoing()) {
            facts.add(fact(f.triple()));
            // a source cited on the entity itself (materials cite their data sheet) is as good as the dataset's
            if (f.triple().getPredicate().getURI().equals(DCTERMS_SOURCE) && f.triple().getObject().isURI()) {
                sources.add(f.triple().getObject().getURI());
            }
        }
        for (EntityDescription.Fact f : d.incoming()) {
            facts.add(fact(f.triple()));
        }
        return call.provenance(lookup, snapshot.version(), facts, List.copyOf(sources));
    }

    static Provenance.Fact fact(Triple t) {
        return new Provenance.Fact(Terms.text(t.getSubject()), Terms.text(t.getPredicate()), Terms.text(t.getObject()));
    }
}
