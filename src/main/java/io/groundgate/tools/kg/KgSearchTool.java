package io.groundgate.tools.kg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
import io.groundgate.kg.profile.NameIndex;
import io.groundgate.kg.QueryLimits;
import io.groundgate.kg.SparqlException;
import io.groundgate.kg.SparqlGuard;
import io.groundgate.tools.Provenance;
import io.groundgate.tools.Tool;
import io.groundgate.tools.ToolContext;
import io.groundgate.tools.ToolError;
import io.groundgate.tools.ToolResult;
import io.groundgate.tools.ToolSpec;

/**
 * {@code kg_search}: finds entities, and values a question can name, by every name the graph profile knows: labels,
 * alternative labels, name-like literals, local names of unlabelled IRIs and categorical values; forgiving case,
 * accents, punctuation, partial names and typos. Several equally good hits are reported as ambiguous.
 */
@ApplicationScoped
public class KgSearchTool implements Tool {

    public static final String NAME = "kg_search";
    static final int MAX_LIMIT = 50;
    private static final String OWL_NAMED_INDIVIDUAL = "http://www.w3.org/2002/07/owl#NamedIndividual";
    /** Where a matched name is stated, for the facts and sources of a hit. */
    private static final Query NAME_GRAPHS = SparqlGuard.parse("""
            SELECT DISTINCT ?g ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isLiteral(?o) && STR(?o) = ?text) }
            """);
    /** Labels containing the text as a word part ("steel" in "Stainless steel 304"), when the index finds nothing. */
    private static final Query CONTAINING = SparqlGuard.parse("""
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT DISTINCT ?s ?p ?l WHERE {
              VALUES ?p { rdfs:label skos:prefLabel skos:altLabel } ?s ?p ?l
              FILTER(isIRI(?s) && CONTAINS(LCASE(STR(?l)), ?text))
            } ORDER BY STRLEN(STR(?l)) ?l
            """);
    private static final double CONTAINS_SCORE = 0.5;
    private static final Var G = Var.alloc("g");

    private final KnowledgeGraph kg;
    private final ToolSpec spec = new ToolSpec(NAME, """
            Find entities in the knowledge graph by name: labels, alternative labels (synonyms, abbreviations, \
            native names), name properties (e.g. ex:name), words of IRIs without a label, and values a question \
            can name (a country stored as text). Ignores case, accents and punctuation ("St. Moritz" = "st moritz"); \
            matches exactly, by prefix, by a word inside a name ("Brant" finds "Karen Brant") or with small typos. \
            Returns IRIs (or property values) with names, classes and a score (1 = exact); 'ambiguous' = several \
            equally good hits: ask or use their classes. Use it first to get the IRI of a thing the user mentions, \
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
        String lookup = "name search";
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
            lookup = "name search (labels, name properties, local names, values; exact, prefix, word, fuzzy; case, "
                    + "accents and punctuation folded) for \"" + query + "\""
                    + (typeIri == null ? "" : " among instances of <" + typeIri + ">") + ", limit " + limit;
            NameIndex.Lookup found = find(snapshot, query, typeIri, limit);
            List<NameIndex.Hit> hits = found.hits();
            boolean containing = false;
            if (hits.isEmpty() && query.strip().length() >= 3) {
                lookup += "; then labels containing \"" + query.strip() + "\"";
                hits = containing(snapshot, query, typeIri, limit);
                containing = true;
            }
            List<Provenance.Fact> facts = new ArrayList<>();
            Set<String> graphs = new LinkedHashSet<>();
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            for (NameIndex.Hit hit : hits) {
                list.add(json(hit, snapshot, containing));
                factOf(snapshot, hit, facts, graphs);
            }
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            result.put("query", query);
            result.set("hits", list);
            if (found.ambiguous()) {
                result.put("ambiguous", true);
                result.put("hint", "Several things match equally well; their classes tell them apart. Ask which one "
                        + "is meant, or pass 'type'.");
            }
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

    private static NameIndex.Lookup find(GraphSnapshot snapshot, String query, String typeIri, int limit) {
        NameIndex names = snapshot.profile().names();
        if (typeIri == null) {
            return names.find(query, limit);
        }
        // filter a wider candidate set, so hits of other classes do not crowd out the wanted ones
        List<NameIndex.Hit> hits = names.find(query, Math.max(200, limit * 10)).hits().stream()
                .filter(h -> h.classes().contains(typeIri)).limit(limit).toList();
        boolean ambiguous = hits.size() > 1 && hits.get(0).match() == hits.get(1).match()
                && hits.get(0).score() - hits.get(1).score() < 0.05;
        return new NameIndex.Lookup(hits, ambiguous);
    }

    /** Entities with a label that contains the text (case-insensitive), shortest labels first. */
    private static List<NameIndex.Hit> containing(GraphSnapshot snapshot, String query, String typeIri, int limit) {
        Map<String, NameIndex.Hit> hits = new LinkedHashMap<>();
        Map<Var, Node> text = Map.of(Var.alloc("text"), NodeFactory.createLiteralString(
                query.strip().toLowerCase(Locale.ROOT)));
        for (Binding b : snapshot.query(CONTAINING, text, QueryLimits.of(null, 500)).rows()) {
            String iri = b.get(Var.alloc("s")).getURI();
            List<String> types = snapshot.labels().typesOf(iri);
            if (hits.size() >= limit || hits.containsKey(iri) || typeIri != null && !types.contains(typeIri)) {
                continue;
            }
            Node l = b.get(Var.alloc("l"));
            hits.put(iri, new NameIndex.Hit(iri, null, snapshot.labels().labelOf(iri).orElse(l.getLiteralLexicalForm()),
                    l.getLiteralLexicalForm(), NameIndex.Source.LABEL, b.get(Var.alloc("p")).getURI(),
                    NameIndex.Match.FUZZY, CONTAINS_SCORE, types));
        }
        return List.copyOf(hits.values());
    }

    private static ObjectNode json(NameIndex.Hit hit, GraphSnapshot snapshot, boolean containing) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (hit.iri() != null) {
            o.put("iri", hit.iri());
            o.put("label", hit.name());
        } else {
            o.put("value", hit.value());
            o.put("property", hit.property());
        }
        if (!hit.matched().equals(hit.name())) {
            o.put("matched", hit.matched());
        }
        o.put("match", containing ? "contains" : hit.match().name().toLowerCase());
        o.put("source", hit.source().name().toLowerCase());
        o.put("score", hit.score());
        ArrayNode types = o.putArray(hit.iri() != null ? "types" : "classes_with_value");
        for (String t : hit.classes()) {
            if (!t.equals(OWL_NAMED_INDIVIDUAL)) {
                ObjectNode type = types.addObject().put("iri", t);
                String label = snapshot.profile().nameOf(t);
                if (label != null) {
                    type.put("label", label);
                }
            }
        }
        return o;
    }

    /** The triple a matched name is stated in, and its graphs (names from local names have none). */
    private static void factOf(GraphSnapshot snapshot, NameIndex.Hit hit, List<Provenance.Fact> facts,
            Set<String> graphs) {
        if (hit.iri() == null || hit.property() == null) {
            return;
        }
        Map<Var, Node> bindings = Map.of(Var.alloc("s"), NodeFactory.createURI(hit.iri()), Var.alloc("p"),
                NodeFactory.createURI(hit.property()), Var.alloc("text"), NodeFactory.createLiteralString(hit.matched()));
        Node object = null;
        for (Binding b : snapshot.query(NAME_GRAPHS, bindings, QueryLimits.of(null, 20)).rows()) {
            object = b.get(Var.alloc("o"));
            if (b.get(G) != null && b.get(G).isURI()) {
                graphs.add(b.get(G).getURI());
            }
        }
        if (object != null) {
            facts.add(new Provenance.Fact(hit.iri(), hit.property(), Terms.text(object)));
        }
    }
}
