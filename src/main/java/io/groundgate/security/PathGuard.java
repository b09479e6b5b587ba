package io.groundgate.security;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.groundgate.api.ApiConfig;
import io.groundgate.api.ErrorResponses;
import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses, before any routing or access check, a request target that the routers could read differently from the
 * access checks: path parameters ({@code ;}), backslashes, empty or dot segments, percent-encoded unreserved characters
 * ({@code %2E}, {@code %61}), encoded {@code ;}, {@code %} or {@code \}, control characters; and targets longer than
 * {@code groundgate.api.max-url-length} (414). Every path that passes is written exactly as every router reads it, so
 * the access checks' prefixes ({@code /v1/*}, {@code /sparql}, {@code /admin/*}) see what will run.
 * {@link GuardedResources} makes the REST resources fail closed should a path ever slip past both.
 */
@ApplicationScoped
public class PathGuard {

    /** After the request id is set (-1000), before correlation, metrics and every access check. */
    public static final int ORDER = -999;

    private static final Logger LOG = Logger.getLogger(PathGuard.class);

    private final int maxUrlLength;

    public PathGuard(ApiConfig config) {
        this.maxUrlLength = config.maxUrlLength();
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String uri = ctx.request().uri();
        if (uri.length() > maxUrlLength) {
            refuse(ctx, new GatewayException(ErrorKind.INVALID_REQUEST, 414, "The request URL is " + uri.length()
                    + " characters long; this gateway accepts at most " + maxUrlLength
                    + " (groundgate.api.max-url-length).", null, "url_too_long", Map.of("Connection", "close")));
            return;
        }
        String problem = problem(ctx.request().path());
        if (problem != null) {
            refuse(ctx, new GatewayException(ErrorKind.INVALID_REQUEST, 400, "The request path is not in canonical form: "
                    + problem + ". Write the path exactly as documented, e.g. /v1/chat/completions.", null,
                    "invalid_path", Map.of()));
            return;
        }
        ctx.next();
    }

    private static void refuse(RoutingContext ctx, GatewayException e) {
        LOG.debugf("refused %s request target: %s", ctx.request().method(), e.getMessage());
        ErrorResponses.write(ctx.response(), e);
    }

    /** What is wrong with the raw (undecoded) path, or null when it is canonical. */
    static String problem(String path) {
        if (path == null || !path.startsWith("/")) {
            return "it must start with '/'";
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == ';') {
                return "path parameters (';') are not accepted";
            }
            if (c == '\\') {
                return "backslashes are not accepted";
            }
            if (c < 0x20 || c == 0x7f) {
                return "control characters are not accepted";
            }
            if (c == '%') {
                int decoded = i + 2 < path.length() ? hex(path.charAt(i + 1), path.charAt(i + 2)) : -1;
                if (decoded < 0) {
                    return "'%' must start a two-digit hex escape";
                }
                if (unreserved(decoded) || decoded == ';' || decoded == '%' || decoded == '\\' || decoded < 0x20
                        || decoded == 0x7f) {
                    return "'%" + path.substring(i + 1, i + 3) + "' encodes a character that must be written as is"
                            + " or not at all";
                }
            }
        }
        String[] segments = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean trailing = i == segments.length - 1;
            if (segment.isEmpty() && !trailing) {
                return "empty segments ('//') are not accepted";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "'.' and '..' segments are not accepted";
            }
        }
        return null;
    }

    private static boolean unreserved(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                || c == '~';
    }

    private static int hex(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }
}
