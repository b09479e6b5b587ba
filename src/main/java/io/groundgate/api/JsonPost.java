package io.groundgate.api;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;

import io.groundgate.chat.ChatEngine;
import io.groundgate.routing.ModelRoute;
import io.groundgate.routing.RouteKind;

import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What every OpenAI-style JSON POST route of the gateway shares: POST only (405 otherwise), a JSON content type (415),
 * a body read within {@code groundgate.api.max-body-bytes} (413), and any failure written in OpenAI's error format.
 */
final class JsonPost {

    private static final Logger LOG = Logger.getLogger(JsonPost.class);

    private JsonPost() {
    }

    static void register(Router router, String path, ApiConfig config, BiConsumer<RoutingContext, Buffer> dispatch) {
        router.post(path).handler(ctx -> handle(ctx, config, dispatch));
        router.route(path).handler(ctx -> fail(ctx, new GatewayException(ErrorKind.INVALID_REQUEST, 405,
                "Use POST for " + path + ".", null, "method_not_allowed", Map.of("Allow", "POST"))));
    }

    private static void handle(RoutingContext ctx, ApiConfig config, BiConsumer<RoutingContext, Buffer> dispatch) {
        String contentType = ctx.request().getHeader("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            fail(ctx, new GatewayException(ErrorKind.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be application/json (got " + (contentType == null ? "none" : "'" + contentType + "'")
                            + ").",
                    null, "unsupported_media_type"));
            return;
        }
        BoundedBody.read(ctx.vertx(), ctx.request(), config.maxBodyBytes(), config.bodyIdleTimeout()).onComplete(body -> {
            if (body.failed()) {
                if (BoundedBody.abandonsBody(body.cause())) {
                    // the rest of the body will not be read: the connection cannot carry another request
                    ctx.response().putHeader("Connection", "close");
                }
                if (BoundedBody.stalled(body.cause())) {
                    // nothing more is coming from this client: drop the connection once it has the answer
                    ctx.response().endHandler(v -> ctx.request().connection().close());
                }
                fail(ctx, body.cause());
                return;
            }
            try {
                dispatch.accept(ctx, body.result());
            } catch (RuntimeException e) {
                fail(ctx, e);
            }
        });
    }

    /** The body as {@code reader}'s type; a body that is not a JSON object of that shape is the client's 400. */
    static <T> T parse(ObjectReader reader, Buffer body) {
        try {
            T request = reader.readValue(body.getBytes());
            if (request == null) {
                throw GatewayException.invalid("The request body must be a JSON object.", null);
            }
            return request;
        } catch (JsonProcessingException e) {
            throw JsonErrors.toGatewayException(e);
        } catch (IOException e) {
            throw GatewayException.invalid("The request body could not be read: " + e.getMessage(), null);
        }
    }

    /** The engine that answers a route's requests, or 501 when this build has none. */
    static ChatEngine engine(Map<RouteKind, ChatEngine> engines, ModelRoute route) {
        ChatEngine engine = engines.get(route.kind());
        if (engine == null) {
            throw new GatewayException(ErrorKind.NOT_IMPLEMENTED,
                    "The " + route.kind().label() + " route is not available in this build.", "model", "route_unavailable");
        }
        return engine;
    }

    static void fail(RoutingContext ctx, Throwable failure) {
        if (!(failure instanceof GatewayException) && ClientAbort.is(failure)) {
            LOG.debugf("client went away during %s: %s", ctx.request().path(), failure.toString());
            return;
        }
        GatewayException e = failure instanceof GatewayException g ? g : unexpected(ctx, failure);
        ErrorResponses.write(ctx.response(), e);
    }

    private static GatewayException unexpected(RoutingContext ctx, Throwable failure) {
        LOG.error("unexpected failure in " + ctx.request().path(), failure);
        return new GatewayException(ErrorKind.INTERNAL, "The gateway failed unexpectedly; the failure is logged.");
    }
}
