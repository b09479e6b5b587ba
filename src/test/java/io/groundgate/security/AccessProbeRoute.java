package io.groundgate.security;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.groundgate.api.ErrorResponses;
import io.groundgate.chat.GatewayException;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Test fixture: calls the {@link AccessPolicy} hooks exactly as the chat route and {@code GET /v1/models} will, so the
 * tests exercise them through real HTTP requests and the real API key filter.
 */
@ApplicationScoped
public class AccessProbeRoute {

    static final String REQUIRE = "/v1/_test/access/require";
    static final String VISIBLE = "/v1/_test/access/visible";

    private final AccessPolicy access;

    public AccessProbeRoute(AccessPolicy access) {
        this.access = access;
    }

    void register(@Observes Router router) {
        router.get(REQUIRE).handler(this::require);
        router.get(VISIBLE).handler(this::visible);
    }

    private void require(RoutingContext ctx) {
        try {
            access.requireModel(ctx, ctx.request().getParam("model"));
            ctx.response().putHeader("Content-Type", "application/json")
                    .end(new io.vertx.core.json.JsonObject().put("caller", access.caller(ctx).keyName()).encode());
        } catch (GatewayException e) {
            ErrorResponses.write(ctx.response(), e);
        }
    }

    private void visible(RoutingContext ctx) {
        List<String> models = Arrays.asList(ctx.request().getParam("models").split(","));
        ctx.response().putHeader("Content-Type", "application/json")
                .end(new JsonArray(access.visible(ctx, models, Function.identity())).encode());
    }
}
