package io.groundgate.webui;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers on the expert workbench, the static page Quarkus serves at {@code /} from
 * {@code META-INF/resources} (built from {@code src/main/webui}). The page runs only its own bundled script (no inline
 * script, no inline style, no CDN), may talk only to this gateway, and may not be framed. The API routes are untouched:
 * the page calls them with the same keys as any client.
 */
@ApplicationScoped
public class WorkbenchHeaders {

    /** The page's policy: its own scripts, styles, images and fetches; no plugins, no framing, no foreign forms. */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            // no inline styles at all: CodeMirror 6 sets positions through the CSSOM (element.style), which CSP does not
            // govern, and styles itself with constructed style sheets in its shadow root (WorkbenchBrowserTest fails on
            // any CSP violation in the console)
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Frame-Options", "DENY",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Cross-Origin-Opener-Policy", "same-origin");

    /** The workbench's paths: the page and its bundled assets. */
    static final String PATHS = "/(index\\.html|assets/.*)?";

    void register(@Observes Router router) {
        router.routeWithRegex(HttpMethod.GET, PATHS).order(-1100).handler(WorkbenchHeaders::addHeaders);
        router.routeWithRegex(HttpMethod.HEAD, PATHS).order(-1100).handler(WorkbenchHeaders::addHeaders);
    }

    private static void addHeaders(RoutingContext ctx) {
        HEADERS.forEach(ctx.response()::putHeader);
        if (!ctx.normalizedPath().startsWith("/assets/")) {
            // the page names its assets without content hashes, so it must be revalidated to pick up a new build
            ctx.response().putHeader("Cache-Control", "no-cache");
        }
        ctx.next();
    }
}
