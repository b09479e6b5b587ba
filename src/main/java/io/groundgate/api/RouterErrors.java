package io.groundgate.api;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Errors that the HTTP layer itself produces (no route for the path, a method the route does not take, a body over
 * Vert.x's limit, a handler that failed) get OpenAI's error body too, never an empty one. A client that went away is
 * logged once at DEBUG.
 */
@ApplicationScoped
public class RouterErrors {

    private static final Logger LOG = Logger.getLogger(RouterErrors.class);

    private final long maxBodySize;

    public RouterErrors(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.maxBodySize = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
    }

    void register(@Observes Router router) {
        // before Quarkus' own body-size check, which answers 413 with an empty body
        router.route().order(-998).handler(this::declaredLength);
        router.errorHandler(400, ctx -> write(ctx, ErrorKind.INVALID_REQUEST, "The request could not be read.",
                "invalid_request"));
        router.errorHandler(404, ctx -> write(ctx, ErrorKind.NOT_FOUND,
                "Unknown path: " + ctx.request().method() + " " + shorten(ctx.request().path()) + ".", "unknown_path"));
        router.errorHandler(405, ctx -> write(ctx, ErrorKind.INVALID_REQUEST,
                "The method " + ctx.request().method() + " is not allowed on " + shorten(ctx.request().path()) + ".",
                "method_not_allowed"));
        router.errorHandler(406, ctx -> write(ctx, ErrorKind.INVALID_REQUEST,
                "None of the accepted media types can be produced.", "not_acceptable"));
        router.errorHandler(413, ctx -> write(ctx, ErrorKind.PAYLOAD_TOO_LARGE,
                "The request body is larger than this gateway accepts.", "request_too_large"));
        router.errorHandler(415, ctx -> write(ctx, ErrorKind.UNSUPPORTED_MEDIA_TYPE, "Unsupported Content-Type.",
                "unsupported_media_type"));
        router.errorHandler(500, this::failed);
    }

    private void declaredLength(RoutingContext ctx) {
        String declared = ctx.request().getHeader("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length < 0) {
                ctx.response().putHeader("Connection", "close");
                write(ctx, ErrorKind.INVALID_REQUEST, "Content-Length must be a non-negative number of bytes.",
                        "invalid_content_length");
                return;
            }
            if (length > maxBodySize) {
                ctx.response().putHeader("Connection", "close");
                ErrorResponses.write(ctx.response(), new GatewayException(ErrorKind.PAYLOAD_TOO_LARGE,
                        "The request body is larger than this gateway accepts (" + maxBodySize
                                + " bytes; quarkus.http.limits.max-body-size).", null, "request_too_large"));
                return;
            }
        }
        ctx.next();
    }

    private void failed(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure != null && ClientAbort.is(failure)) {
            LOG.debugf("client went away during %s %s", ctx.request().method(), ctx.request().path());
            return;
        }
        if (failure instanceof GatewayException e) {
            ErrorResponses.write(ctx.response(), e);
            return;
        }
        LOG.error("unexpected failure in " + ctx.request().method() + " " + ctx.request().path(), failure);
        write(ctx, ErrorKind.INTERNAL, "The gateway failed unexpectedly; the failure is logged.", null);
    }

    private static void write(RoutingContext ctx, ErrorKind kind, String message, String code) {
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : kind.status();
        ErrorResponses.write(ctx.response(), new GatewayException(kind, status, message, null, code, Map.of()));
    }

    private static String shorten(String path) {
        return path == null ? "" : path.length() > 200 ? path.substring(0, 200) + "…" : path;
    }
}
