package io.groundgate.tools.kg;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.kg.GraphSnapshot;
import io.groundgate.kg.KgConfig;
import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.kg.QueryLimits;
import io.groundgate.kg.SparqlException;
import io.groundgate.kg.SparqlGuard;
import io.groundgate.kg.SparqlResult;
import io.groundgate.kg.profile.GraphProfile;
import io.groundgate.kg.profile.QueryCheck;
import io.groundgate.tools.Provenance;
import io.groundgate.tools.Tool;
import io.groundgate.tools.ToolContext;
import io.groundgate.tools.ToolError;
import io.groundgate.tools.ToolResult;
import io.groundgate.tools.ToolSpec;

/**
 * {@code sparql_query}: runs a read-only SELECT or ASK under the store's rules (no updates, no SERVICE, a timeout and
 * a row cap) and returns SPARQL-JSON-like rows.
 */
@ApplicationScoped
public class SparqlQueryTool implements Tool {

    public static final String NAME = "sparql_query";
    static final int DEFAULT_LIMIT = 100;
    private static final int MAX_FACTS = 50;
    private static final Duration DIAGNOSIS_TIMEOUT = Duration.ofSeconds(2);

    private final KnowledgeGraph kg;
    private final int maxRows;
    private final int maxLength;
    private final ToolSpec spec;

    @Inject
    public SparqlQueryTool(KnowledgeGraph kg, KgConfig config) {
        this(kg, config.maxRows(), config.maxQueryLength());
    }

    SparqlQueryTool(KnowledgeGraph kg, int maxRows, int maxLength) {
        this.kg = kg;
        this.maxRows = maxRows;
        this.maxLength = maxLength;
        this.spec = new ToolSpec(NAME, """
                Run a read-only SPARQL 1.1 SELECT or ASK query on the knowledge graph (call kg_schema first for the \
                prefixes, classes and properties). Use it for lists, counts, filters, comparisons and superlatives. \
                Well-known prefixes (rdf, rdfs, owl, xsd, skos, schema, foaf, dcterms) and the graph's own are added \
                when missing. The query is checked against what the graph holds: an unknown class or property is an \
                error naming the closest existing ones; a property the class's instances never have is a warning; a \
                query with no rows comes back with a 'diagnosis' saying which pattern matched nothing. CONSTRUCT, \
                DESCRIBE, updates and SERVICE are refused. On a syntax error the error says the line and column: fix \
                the query and try again. 'truncated' means more rows exist than 'limit'.""", ObjectSchema.object()
                .string("query", "The SPARQL query text, with its PREFIX declarations.", maxLength)
                .integer("limit", "How many rows to return at most.", 1, maxRows, Math.min(DEFAULT_LIMIT, maxRows))
                .required("query").build());
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public ToolResult execute(ObjectNode arguments, ToolContext context) {
        Calls call = new Calls(NAME, arguments);
        GraphSnapshot snapshot = kg.snapshot();
        String text = null;
        try {
            Args.noOthers(arguments, Set.of("query", "limit"));
            text = Args.requiredText(arguments, "query");
            int limit = Args.optionalInt(arguments, "limit", Math.min(DEFAULT_LIMIT, maxRows), 1, maxRows);
            GraphProfile profile = snapshot.profile();
            List<String> added = new ArrayList<>();
            Map<String, String> known = new LinkedHashMap<>(profile.prefixes());
            known.putAll(snapshot.prefixes());
            if (text.length() <= maxLength) {
                text = QueryCheck.addMissingPrefixes(text, known, added);
            }
            Query query = parse(text, added.size());
            if (!query.isSelectType() && !query.isAskType()) {
                return ToolResult.failure(ToolError.of("refused", "Only SELECT and ASK queries are accepted here; "
                        + "rewrite the " + (query.isConstructType() ? "CONSTRUCT" : "DESCRIBE")
                        + " as a SELECT of the values you need."), call.provenance(text, snapshot.version(), List.of(),
                                List.of()));
            }
            List<QueryCheck.Issue> issues = QueryCheck.check(query, profile);
            List<QueryCheck.Issue> errors = issues.stream().filter(i -> i.severity() == QueryCheck.Severity.ERROR)
                    .toList();
            if (!errors.isEmpty()) {
                return ToolResult.failure(new ToolError("unknown_term", String.join(" ", issues.stream()
                        .map(QueryCheck.Issue::message).toList()), errors.get(0).term()), call.provenance(text,
                                snapshot.version(), List.of(), List.of()));
            }
            Duration budget = context == null ? null : context.timeBudget();
            SparqlResult result = snapshot.query(query, Map.of(), QueryLimits.of(budget, limit));
            List<Provenance.Fact> facts = new ArrayList<>();
            Set<String> sources = new LinkedHashSet<>();
            // the facts a SELECT rests on: its simple triple patterns instantiated with the rows, checked to exist
            for (Triple t : new QueryFacts(query).facts(snapshot, Map.of(), result.rows(), MAX_FACTS)) {
                List<String> cited = snapshot.sources(t);
                facts.add(KgDescribeTool.fact(t));
                sources.addAll(cited);
            }
            ObjectNode json = json(result);
            if (!added.isEmpty()) {
                json.putArray("notes").add("Added the missing PREFIX declarations for " + String.join(", ", added
                        .stream().map(p -> p + ":").toList()) + ".");
            }
            if (!issues.isEmpty()) {
                ArrayNode warnings = json.putArray("warnings");
                issues.forEach(i -> warnings.add(i.message()));
            }
            if (result.form() == SparqlResult.Form.SELECT && result.rows().isEmpty()) {
                QueryCheck.diagnoseEmpty(query, profile, q -> asks(snapshot, q)).ifPresent(d -> json.put("diagnosis", d));
            }
            return ToolResult.success(json, call.provenance(text, result.graphVersion(), facts,
                    List.copyOf(sources)));
        } catch (Args.Invalid e) {
            return ToolResult.failure(KgToolErrors.invalid(e), call.provenance(text, snapshot.version(), List.of(),
                    List.of()));
        } catch (SparqlException e) {
            return ToolResult.failure(KgToolErrors.of(e), call.provenance(text, snapshot.version(), List.of(),
                    List.of()));
        }
    }

    /** Parses, reporting a syntax error at the line the model wrote, not counting the PREFIX lines added for it. */
    private Query parse(String text, int addedLines) {
        try {
            return SparqlGuard.parse(text, maxLength);
        } catch (SparqlException e) {
            if (addedLines == 0 || e.kind() != SparqlException.Kind.SYNTAX || e.line() <= addedLines) {
                throw e;
            }
            int line = e.line() - addedLines;
            throw SparqlException.syntax(e.getMessage().replace("line " + e.line(), "line " + line), line, e.column());
        }
    }

    /** Whether a diagnostic ASK has a solution; one that fails or times out counts as "yes" (no false blame). */
    private static boolean asks(GraphSnapshot snapshot, Query ask) {
        try {
            return snapshot.query(ask, Map.of(), QueryLimits.of(DIAGNOSIS_TIMEOUT, 1)).ask();
        } catch (SparqlException e) {
            return true;
        }
    }

    /** SELECT as {@code {vars, rows, truncated}}, ASK as {@code {boolean}}. */
    static ObjectNode json(SparqlResult result) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        if (result.form() == SparqlResult.Form.ASK) {
            o.put("boolean", result.ask());
            return o;
        }
        ArrayNode vars = o.putArray("vars");
        result.vars().forEach(v -> vars.add(v.getVarName()));
        ArrayNode rows = o.putArray("rows");
        for (Binding b : result.rows()) {
            ObjectNode row = rows.addObject();
            for (Var v : result.vars()) {
                Node n = b.get(v);
                if (n != null) {
                    row.set(v.getVarName(), Terms.json(n));
                }
            }
        }
        o.put("truncated", result.truncated());
        return o;
    }
}
