package io.groundgate.api;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every response a request id and the gateway's own added time. Routes that wait on an upstream record that wait
 * with {@link #addUpstreamNanos}, so the header shows only what GroundGate itself added.
 */
@ApplicationScoped
public class RequestTiming {

    public static final String REQUEST_ID_HEADER = "x-request-id";
    public static final String OVERHEAD_HEADER = "x-groundgate-overhead-ms";

    private static final String STARTED = "groundgate.started";
    private static final String UPSTREAM_NANOS = "groundgate.upstreamNanos";
    private static final String REQUEST_ID = "groundgate.requestId";
    private static final String MODEL = "groundgate.model";
    private static final String ROUTE = "groundgate.route";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Router router) {
        router.route().order(-1000).handler(this::start);
    }

    private void start(RoutingContext ctx) {
        ctx.put(STARTED, System.nanoTime());
        String offered = ctx.request().getHeader(REQUEST_ID_HEADER);
        String id = offered != null && SAFE_ID.matcher(offered).matches() ? offered : "req_" + UUID.randomUUID().toString().replace("-", "");
        ctx.put(REQUEST_ID, id);
        ctx.addHeadersEndHandler(v -> {
            ctx.response().putHeader(REQUEST_ID_HEADER, id);
            if (!ctx.response().headers().contains(OVERHEAD_HEADER)) {
                ctx.response().putHeader(OVERHEAD_HEADER, overheadMillis(ctx));
            }
        });
        ctx.next();
    }

    /** Records which model and route served the request, for metrics and logs. */
    public static void tagRoute(RoutingContext ctx, String model, String route) {
        ctx.put(MODEL, model);
        ctx.put(ROUTE, route);
    }

    /** The model id the request named, once the chat route has resolved it; null before or elsewhere. */
    public static String model(RoutingContext ctx) {
        return ctx.get(MODEL);
    }

    /** The route kind label (passthrough, grounded, local), once resolved; null before or elsewhere. */
    public static String route(RoutingContext ctx) {
        return ctx.get(ROUTE);
    }

    public static String requestId(RoutingContext ctx) {
        return ctx.get(REQUEST_ID);
    }

    /** Records time spent waiting on an upstream, which the overhead header leaves out. */
    public static void addUpstreamNanos(RoutingContext ctx, long nanos) {
        Long sum = ctx.get(UPSTREAM_NANOS);
        ctx.put(UPSTREAM_NANOS, (sum == null ? 0L : sum) + nanos);
    }

    /** Elapsed time since the request arrived, less recorded upstream time, in milliseconds with microsecond precision. */
    public static String overheadMillis(RoutingContext ctx) {
        Long started = ctx.get(STARTED);
        if (started == null) {
            return "0.000";
        }
        Long upstream = ctx.get(UPSTREAM_NANOS);
        long nanos = System.nanoTime() - started - (upstream == null ? 0L : upstream);
        return String.format(java.util.Locale.ROOT, "%.3f", Math.max(0, nanos) / 1_000_000.0);
    }
}
