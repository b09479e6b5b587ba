package io.groundgate.kg.http;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;
import io.groundgate.kg.GraphEditor;
import io.groundgate.kg.GraphInfo;
import io.groundgate.kg.GraphSnapshot;
import io.groundgate.kg.KgConfig;
import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.kg.SparqlResult;
import io.groundgate.kg.profile.GraphProfile;

import java.time.Duration;
import java.util.List;

/**
 * Knowledge-graph administration: {@code GET /admin/kg} (status), {@code GET /admin/kg/profile}, {@code POST /admin/kg/reload}, and a subset of the
 * SPARQL Graph Store Protocol on {@code /admin/graphs?graph=<file name or graph IRI>} (GET, PUT replaces, POST merges,
 * DELETE removes; PUT and POST with {@code dry-run=true} only validate and report). {@code io.groundgate.security.AdminGuard}
 * protects these paths.
 */
@Path("/admin")
public class KgAdminResource {

    private final KnowledgeGraph kg;
    private final GraphEditor editor;
    private final KgConfig config;

    public KgAdminResource(KnowledgeGraph kg, GraphEditor editor, KgConfig config) {
        this.kg = kg;
        this.editor = editor;
        this.config = config;
    }

    @GET
    @Path("/kg")
    @Produces(MediaType.APPLICATION_JSON)
    public KgStatus status() {
        GraphSnapshot snapshot = kg.snapshot();
        return new KgStatus(snapshot.version(), snapshot.loadedAt(), kg.ready(),
                snapshot.graphs().stream().mapToLong(GraphInfo::triples).sum(), kg.entailedTriples(),
                config.store().name().toLowerCase(), kg.graphs().stream().map(KgStatus.Graph::of).toList(),
                KgStatus.Reload.of(kg.lastReload()), kg.warnings().stream().map(KgStatus.Problem::of).toList());
    }

    /**
     * The served version's graph profile: as JSON, or with {@code ?format=text} as the compact text models get from
     * {@code kg_schema} ({@code &class=<IRI>} for one class).
     */
    @GET
    @Path("/kg/profile")
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN })
    public Response profile(@QueryParam("format") String format, @QueryParam("class") String cls) {
        GraphProfile profile = kg.snapshot().profile();
        if (format == null || format.equals("json")) {
            return Response.ok(profile, MediaType.APPLICATION_JSON).build();
        }
        if (!format.equals("text")) {
            throw KgErrors.invalid("Unknown format '" + format + "': use json or text.", "format", "invalid_format");
        }
        if (cls != null && profile.classProfile(cls).isEmpty()) {
            throw new GatewayException(ErrorKind.NOT_FOUND, "No class <" + cls + "> in the graph profile.", "class",
                    "class_not_found");
        }
        return Response.ok(cls == null ? profile.text() : profile.text(cls), MediaType.TEXT_PLAIN + ";charset=utf-8")
                .build();
    }

    /**
     * Reloads from the folders. {@code accept-removal=true} confirms a version held because it removes more than
     * {@code groundgate.kg.max-shrink} of a graph (e.g. a deleted file).
     */
    @POST
    @Path("/kg/reload")
    @Produces(MediaType.APPLICATION_JSON)
    public KgStatus.Reload reload(@QueryParam("accept-removal") String acceptRemoval) {
        return KgStatus.Reload.of(kg.reload(parseFlag("accept-removal", acceptRemoval)));
    }

    /**
     * {@code ?dry-run=true}, and a bare {@code ?dry-run} too: a client that asks only to validate must never have its
     * edit served because it left the value out.
     */
    private static boolean dryRun(UriInfo uri) {
        List<String> values = uri.getQueryParameters().get("dry-run");
        return values != null && parseFlag("dry-run", values.isEmpty() || values.get(0) == null ? "" : values.get(0));
    }

    private static boolean parseFlag(String name, String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.isEmpty() || value.equalsIgnoreCase("true")) {
            return true;
        }
        throw KgErrors.invalid(name + " must be true or false, not '" + value + "'.", name, "invalid_parameter");
    }

    @GET
    @Path("/graphs")
    public Response get(@QueryParam("graph") String graph, @HeaderParam("Accept") String accept) {
        requireGraph(graph);
        SparqlFormats.Format format = SparqlFormats.negotiate(accept, SparqlFormats.GRAPHS);
        if (format == null) {
            throw KgErrors.notAcceptable("None of the accepted media types (" + accept + ") can be produced for a graph.");
        }
        Graph content = editor.read(graph).orElseThrow(() -> new GatewayException(ErrorKind.NOT_FOUND,
                "No graph '" + graph + "'.", "graph", "graph_not_found"));
        SparqlResult asResult = new SparqlResult(SparqlResult.Form.CONSTRUCT, null, null, false, content, false,
                kg.snapshot().version(), Duration.ZERO);
        return Response.ok(SparqlFormats.write(asResult, format)).header("Content-Type", SparqlFormats.contentType(format))
                .header("X-GroundGate-Graph-Version", asResult.graphVersion()).build();
    }

    @PUT
    @Path("/graphs")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response put(@QueryParam("graph") String graph, @Context UriInfo uri,
            @HeaderParam("Content-Type") String contentType, byte[] body) {
        return edit(graph, GraphEditor.Mode.REPLACE, dryRun(uri), contentType, body);
    }

    @POST
    @Path("/graphs")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(@QueryParam("graph") String graph, @Context UriInfo uri,
            @HeaderParam("Content-Type") String contentType, byte[] body) {
        return edit(graph, GraphEditor.Mode.MERGE, dryRun(uri), contentType, body);
    }

    @DELETE
    @Path("/graphs")
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete(@QueryParam("graph") String graph) {
        return edit(graph, GraphEditor.Mode.DELETE, false, null, null);
    }

    /**
     * The JSON answer to an accepted edit or to a dry run.
     *
     * @param created whether the file is new (for a dry run: would be)
     * @param version the version served afterwards (for a dry run: still the one served before)
     * @param dryRun whether this was only a validation ({@code ?dry-run=true})
     * @param served whether the edit is served now: false for every dry run
     * @param reload the validation result: outcome {@code served}, or for a dry run {@code valid} (would be served)
     *        or {@code rejected} (would be refused), with the errors, warnings and changes the edit has or would have
     */
    record EditResult(String file, String graph, boolean created, String version,
            @JsonProperty("dry_run") boolean dryRun, boolean served, @JsonProperty("reload") KgStatus.Reload reload) {
    }

    private Response edit(String graph, GraphEditor.Mode mode, boolean dryRun, String contentType, byte[] body) {
        requireGraph(graph);
        Lang lang = null;
        if (mode != GraphEditor.Mode.DELETE) {
            lang = langOf(contentType);
            if (body == null || body.length == 0) {
                throw KgErrors.invalid("The request body is empty; send the graph's RDF.", null, "empty_body");
            }
        }
        try {
            if (dryRun) {
                GraphEditor.Outcome outcome = editor.dryRun(graph, mode, body, lang);
                return Response.ok(new EditResult(outcome.file(), outcome.graph(), outcome.created(),
                        outcome.reload().version(), true, false, KgStatus.Reload.ofDryRun(outcome.reload()))).build();
            }
            GraphEditor.Outcome outcome = editor.edit(graph, mode, body, lang);
            EditResult result = new EditResult(outcome.file(), outcome.graph(), outcome.created(),
                    outcome.reload().version(), false, true, KgStatus.Reload.of(outcome.reload()));
            return Response.status(outcome.created() ? 201 : 200).entity(result).build();
        } catch (GraphEditor.EditException e) {
            throw KgErrors.of(e);
        }
    }

    private static void requireGraph(String graph) {
        if (graph == null || graph.isBlank()) {
            throw KgErrors.invalid("Name the graph: ?graph=<file name or graph IRI>.", "graph", "missing_graph");
        }
    }

    private static Lang langOf(String contentType) {
        String type = contentType == null ? "" : contentType.split(";")[0].strip();
        Lang lang = type.isEmpty() ? null : RDFLanguages.contentTypeToLang(type);
        if (lang == null || !(RDFLanguages.isTriples(lang) || RDFLanguages.isQuads(lang))) {
            throw new GatewayException(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "Unsupported Content-Type '" + contentType
                    + "': send text/turtle, application/n-triples, application/rdf+xml or application/ld+json.",
                    null, "unsupported_media_type");
        }
        return lang;
    }
}
