package io.groundgate.api;

import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

import org.jboss.logging.Logger;

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
        BoundedBody.read(ctx.request(), config.maxBodyBytes()).onComplete(body -> {
            if (body.failed()) {
                if (body.cause() instanceof GatewayException e && e.kind() == ErrorKind.PAYLOAD_TOO_LARGE) {
                    ctx.response().putHeader("Connection", "close");
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

    static void fail(RoutingContext ctx, Throwable failure) {
        GatewayException e = failure instanceof GatewayException g ? g : unexpected(ctx, failure);
        ErrorResponses.write(ctx.response(), e);
    }

    private static GatewayException unexpected(RoutingContext ctx, Throwable failure) {
        LOG.error("unexpected failure in " + ctx.request().path(), failure);
        return new GatewayException(ErrorKind.INTERNAL, "The gateway failed unexpectedly; the failure is logged.");
    }
}
