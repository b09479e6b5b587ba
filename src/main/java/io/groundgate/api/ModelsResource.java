package io.groundgate.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.groundgate.routing.ModelRoute;
import io.groundgate.routing.ModelRouter;
import io.groundgate.security.AccessPolicy;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /v1/models}: every model id the gateway serves, in OpenAI's list format, with its route. */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    /** A fixed creation time: the ids are configuration, not artefacts with a birth date. */
    private static final long CREATED = 1_767_225_600L; // 2026-01-01T00:00:00Z

    private final ModelRouter router;
    private final AccessPolicy access;

    public ModelsResource(ModelRouter router, AccessPolicy access) {
        this.router = router;
        this.access = access;
    }

    /** The models the caller's key may use (all of them when the gateway runs open). */
    @GET
    public ModelList list(RoutingContext ctx) {
        return new ModelList("list", access.visible(ctx, router.all(), ModelRoute::id).stream()
                .map(ModelsResource::toModel).toList());
    }

    @GET
    @Path("/{id: .+}")
    public Model get(@PathParam("id") String id, RoutingContext ctx) {
        access.requireModel(ctx, id);
        return toModel(router.resolve(id));
    }

    private static Model toModel(ModelRoute route) {
        return new Model(route.id(), "model", CREATED, route.upstreams().isEmpty() ? "groundgate" : route.primaryUpstream(),
                new RouteInfo(route.kind().label(), route.contextMode() ? "context" : null, route.upstreams(),
                        route.upstreamModel()));
    }

    public record ModelList(String object, List<Model> data) {
    }

    /** OpenAI's model object plus {@code groundgate}: which route the id takes. */
    public record Model(String id, String object, long created, @JsonProperty("owned_by") String ownedBy,
            RouteInfo groundgate) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RouteInfo(String route, @JsonProperty("grounding_mode") String groundingMode, List<String> upstreams,
            @JsonProperty("upstream_model") String upstreamModel) {
    }
}
