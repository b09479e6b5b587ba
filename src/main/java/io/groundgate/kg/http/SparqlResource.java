package io.groundgate.kg.http;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.apache.jena.query.Query;

import io.groundgate.kg.GraphSnapshot;
import io.groundgate.kg.KgConfig;
import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.kg.QueryLimits;
import io.groundgate.kg.SparqlException;
import io.groundgate.kg.SparqlGuard;
import io.groundgate.kg.SparqlResult;

/**
 * {@code /sparql}: the SPARQL 1.1 Protocol's query operation (GET, form POST, direct POST), read-only, with the server's
 * time and row limits. Results are SPARQL JSON/XML/CSV/TSV or Turtle/N-Triples/JSON-LD/RDF/XML by content negotiation.
 * The headers {@code X-GroundGate-Graph-Version} and {@code X-GroundGate-Truncated} say which version answered and
 * whether the result was cut at the row limit; {@code X-GroundGate-Row-Limit} and {@code X-GroundGate-Timeout-Ms} give
 * the server's limits.
 */
@Path("/sparql")
public class SparqlResource {

    static final String SPARQL_QUERY = "application/sparql-query";
    static final String SPARQL_UPDATE = "application/sparql-update";

    private final KnowledgeGraph kg;
    private final KgConfig config;

    public SparqlResource(KnowledgeGraph kg, KgConfig config) {
        this.kg = kg;
        this.config = config;
    }

    @GET
    public Response get(@QueryParam("query") String query, @QueryParam("update") String update,
            @QueryParam("default-graph-uri") List<String> defaultGraphs,
            @QueryParam("named-graph-uri") List<String> namedGraphs, @HeaderParam("Accept") String accept) {
        return answer(query, update, defaultGraphs, namedGraphs, accept);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response form(@FormParam("query") String query, @FormParam("update") String update,
            @FormParam("default-graph-uri") List<String> defaultGraphs,
            @FormParam("named-graph-uri") List<String> namedGraphs, @HeaderParam("Accept") String accept) {
        return answer(query, update, defaultGraphs, namedGraphs, accept);
    }

    @POST
    @Consumes(SPARQL_QUERY)
    public Response direct(String query, @QueryParam("default-graph-uri") List<String> defaultGraphs,
            @QueryParam("named-graph-uri") List<String> namedGraphs, @HeaderParam("Accept") String accept) {
        return answer(query, null, defaultGraphs, namedGraphs, accept);
    }

    @POST
    @Consumes(SPARQL_UPDATE)
    public Response update(String ignored) {
        throw KgErrors.invalid("The SPARQL endpoint is read-only: updates are not accepted.", "update",
                "sparql_refused");
    }

    private Response answer(String text, String update, List<String> defaultGraphs, List<String> namedGraphs,
            String accept) {
        if (update != null) {
            throw KgErrors.invalid("The SPARQL endpoint is read-only: updates are not accepted.", "update",
                    "sparql_refused");
        }
        if (text == null || text.isBlank()) {
            throw KgErrors.invalid("Give a SPARQL query as the 'query' parameter or as an application/sparql-query body.",
                    "query", "missing_query");
        }
        if (!isEmpty(defaultGraphs) || !isEmpty(namedGraphs)) {
            throw KgErrors.invalid("default-graph-uri and named-graph-uri are not supported: every query runs over the"
                    + " served graph; select one file's graph with GRAPH <urn:groundgate:graph:<file name>> in the query.",
                    isEmpty(defaultGraphs) ? "named-graph-uri" : "default-graph-uri",
                    "unsupported_parameter");
        }
        try {
            Query query = SparqlGuard.parse(text, config.maxQueryLength(), config.maxQueryDepth());
            boolean graphForm = query.isConstructType() || query.isDescribeType();
            SparqlFormats.Format format = SparqlFormats.negotiate(accept,
                    graphForm ? SparqlFormats.GRAPHS : SparqlFormats.RESULTS);
            if (format == null) {
                throw KgErrors.notAcceptable("None of the accepted media types (" + accept + ") can be produced for a "
                        + (graphForm ? "graph" : "results") + " query.");
            }
            GraphSnapshot snapshot = kg.snapshot();
            SparqlResult result = snapshot.query(query, Map.of(), QueryLimits.SERVER_MAX);
            return Response.ok(SparqlFormats.write(result, format))
                    .header("Content-Type", SparqlFormats.contentType(format))
                    .header("X-GroundGate-Graph-Version", result.graphVersion())
                    .header("X-GroundGate-Truncated", Boolean.toString(result.truncated()))
                    // the server's limits, so a client (the workbench) can show what bounded this answer
                    .header("X-GroundGate-Row-Limit", Integer.toString(config.maxRows()))
                    .header("X-GroundGate-Timeout-Ms", Long.toString(config.queryTimeout().toMillis()))
                    .header("Vary", "Accept")
                    .build();
        } catch (SparqlException e) {
            throw KgErrors.of(e);
        }
    }

    private static boolean isEmpty(List<String> values) {
        return values == null || values.stream().allMatch(v -> v == null || v.isBlank());
    }
}
