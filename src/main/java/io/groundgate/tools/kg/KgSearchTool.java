package io.groundgate.tools.kg;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.kg.GraphSnapshot;
import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.kg.LabelHit;
import io.groundgate.kg.QueryLimits;
import io.groundgate.kg.SparqlException;
import io.groundgate.kg.SparqlGuard;
import io.groundgate.tools.Provenance;
import io.groundgate.tools.Tool;
import io.groundgate.tools.ToolContext;
import io.groundgate.tools.ToolError;
import io.groundgate.tools.ToolResult;
import io.groundgate.tools.ToolSpec;

/** {@code kg_search}: finds entities by label or alternative label, forgiving case, accents, prefixes and typos. */
@ApplicationScoped
public class KgSearchTool implements Tool {

    public static final String NAME = "kg_search";
    static final int MAX_LIMIT = 50;
    private static final String OWL_NAMED_INDIVIDUAL = "http://www.w3.org/2002/07/owl#NamedIndividual";
    /** Where a matched label is stated, for the facts and sources of a hit. */
    private static final Query LABEL_GRAPHS = SparqlGuard.parse("""
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT DISTINCT ?g ?p WHERE { VALUES ?p { rdfs:label skos:prefLabel skos:altLabel } GRAPH ?g { ?s ?p ?o } }
            """);
    /** Labels containing the text as a word part ("steel" in "Stainless steel 304"), when the index finds nothing. */
    private static final Query CONTAINING = SparqlGuard.parse("""
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT DISTINCT ?s ?l WHERE {
              VALUES ?p { rdfs:label skos:prefLabel skos:altLabel } ?s ?p ?l
              FILTER(isIRI(?s) && CONTAINS(LCASE(STR(?l)), ?text))
            } ORDER BY STRLEN(STR(?l)) ?l
            """);
    private static final double CONTAINS_SCORE = 0.5;
    private static final Var G = Var.alloc("g");
    private static final Var P = Var.alloc("p");

    private final KnowledgeGraph kg;
    private final ToolSpec spec = new ToolSpec(NAME, """
            Find entities in the knowledge graph by name. Matches labels and alternative labels (synonyms, \
            abbreviations, native names) ignoring case and accents, by exact match, prefix or small typos, and \
            when none of those match, labels that contain the text. Returns IRIs with labels, types and a score \
            (1 = exact). Use it first to get the IRI of a thing the user mentions, \
            then kg_describe or sparql_query with that IRI.""", ObjectSchema.object()
            .string("query", "The name to look for, e.g. 'gold', 'Zurich', 'stainless steel 304'.", 200)
            .string("type", "Only return entities of this class: a class IRI, prefixed name (gg:Country) or class "
                    + "label ('country'). Omit to search everything.", 300)
            .integer("limit", "How many hits to return at most.", 1, MAX_LIMIT, 10)
            .required("query").build());

    public KgSearchTool(KnowledgeGraph kg) {
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
        String lookup = "label search";
        try {
            Args.noOthers(arguments, Set.of("query", "type", "limit"));
            String query = Args.requiredText(arguments, "query");
            String type = Args.optionalText(arguments, "type");
            int limit = Args.optionalInt(arguments, "limit", 10, 1, MAX_LIMIT);
            String typeIri = null;
            if (type != null) {
                typeIri = EntityResolver.classIri(snapshot, type).orElse(null);
                if (typeIri == null) {
                    return ToolResult.failure(new ToolError("invalid_arguments", "No class '" + type
                            + "' in the knowledge graph. Call kg_schema to see the classes, or omit 'type'.", "/type"),
                            call.provenance(lookup, snapshot.version(), List.of(), List.of()));
                }
            }
            lookup = "label search (exact, prefix, fuzzy; case and accents folded) for \"" + query + "\""
                    + (typeIri == null ? "" : " among instances of <" + typeIri + ">") + ", limit " + limit;
            List<LabelHit> hits = find(snapshot, query, typeIri, limit);
            if (hits.isEmpty() && query.strip().length() >= 3) {
                lookup += "; then labels containing \"" + query.strip() + "\"";
                hits = containing(snapshot, query, typeIri, limit);
            }
            List<Provenance.Fact> facts = new ArrayList<>();
            Set<String> graphs = new LinkedHashSet<>();
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            for (LabelHit hit : hits) {
                list.add(json(hit, snapshot));
                factOf(snapshot, hit, facts, graphs);
            }
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            result.put("query", query);
            result.set("hits", list);
            if (hits.isEmpty()) {
                result.put("hint", "Nothing matched. Try another spelling, a synonym or a shorter prefix"
                        + (typeIri == null ? "." : ", or search without 'type'."));
            }
            return ToolResult.success(result, call.provenance(lookup, snapshot.version(), facts,
                    snapshot.sourcesOfGraphs(graphs)));
        } catch (Args.Invalid e) {
            return ToolResult.failure(KgToolErrors.invalid(e), call.provenance(lookup, snapshot.version(), List.of(),
                    List.of()));
        } catch (SparqlException e) {
            return ToolResult.failure(KgToolErrors.of(e), call.provenance(lookup, snapshot.version(), List.of(),
                    List.of()));
        }
    }

    private static List<LabelHit> find(GraphSnapshot snapshot, String query, String typeIri, int limit) {
        if (typeIri == null) {
            return snapshot.labels().find(query, limit);
        }
        // filter a wider candidate set, so hits of other classes do not crowd out the wanted ones
        return snapshot.labels().find(query, Math.max(200, limit * 10)).stream()
                .filter(h -> h.types().contains(typeIri)).limit(limit).toList();
    }

    /** Entities with a label that contains the text (case-insensitive), shortest labels first. */
    private static List<LabelHit> containing(GraphSnapshot snapshot, String query, String typeIri, int limit) {
        Map<String, LabelHit> hits = new java.util.LinkedHashMap<>();
        Map<Var, Node> text = Map.of(Var.alloc("text"), NodeFactory.createLiteralString(
                query.strip().toLowerCase(java.util.Locale.ROOT)));
        for (Binding b : snapshot.query(CONTAINING, text, QueryLimits.of(null, 500)).rows()) {
            String iri = b.get(Var.alloc("s")).getURI();
            List<String> types = snapshot.labels().typesOf(iri);
            if (hits.size() >= limit || hits.containsKey(iri) || typeIri != null && !types.contains(typeIri)) {
                continue;
            }
            Node l = b.get(Var.alloc("l"));
            // the index has no "contains" kind: such a hit is marked FUZZY with a fixed, lower score
            hits.put(iri, new LabelHit(iri, snapshot.labels().labelOf(iri).orElse(l.getLiteralLexicalForm()),
                    l.getLiteralLexicalForm(), l.getLiteralLanguage(), LabelHit.Match.FUZZY, CONTAINS_SCORE, types));
        }
        return List.copyOf(hits.values());
    }

    private static ObjectNode json(LabelHit hit, GraphSnapshot snapshot) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("iri", hit.iri());
        o.put("label", hit.label());
        if (!hit.matched().equals(hit.label())) {
            o.put("matched", hit.matched());
        }
        o.put("match", hit.score() == CONTAINS_SCORE && hit.match() == LabelHit.Match.FUZZY ? "contains"
                : hit.match().name().toLowerCase());
        o.put("score", hit.score());
        ArrayNode types = o.putArray("types");
        for (String t : hit.types()) {
            if (!t.equals(OWL_NAMED_INDIVIDUAL)) {
                ObjectNode type = types.addObject().put("iri", t);
                snapshot.labels().labelOf(t).ifPresent(l -> type.put("label", l));
            }
        }
        return o;
    }

    private static void factOf(GraphSnapshot snapshot, LabelHit hit, List<Provenance.Fact> facts, Set<String> graphs) {
        Node s = NodeFactory.createURI(hit.iri());
        Node o = hit.lang() == null || hit.lang().isEmpty() ? NodeFactory.createLiteralString(hit.matched())
                : NodeFactory.createLiteralLang(hit.matched(), hit.lang());
        Map<Var, Node> bindings = Map.of(Var.alloc("s"), s, Var.alloc("o"), o);
        String predicate = null;
        for (Binding b : snapshot.query(LABEL_GRAPHS, bindings, QueryLimits.of(null, 20)).rows()) {
            predicate = b.get(P).getURI();
            if (b.get(G) != null && b.get(G).isURI()) {
                graphs.add(b.get(G).getURI());
            }
        }
        if (predicate != null) {
            facts.add(new Provenance.Fact(hit.iri(), predicate, Terms.text(o)));
        }
    }
}
