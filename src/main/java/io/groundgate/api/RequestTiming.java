package io.groundgate.api;

import java.util.concurrent.ThreadLocalRandom;
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
        String id = offered != null && SAFE_ID.matcher(offered).matches() ? offered : newRequestId();
        ctx.put(REQUEST_ID, id);
        ctx.addHeadersEndHandler(v -> {
            ctx.response().putHeader(REQUEST_ID_HEADER, id);
            if (!ctx.response().headers().contains(OVERHEAD_HEADER)) {
                ctx.response().putHeader(OVERHEAD_HEADER, overheadMillis(ctx));
            }
        });
        ctx.next();
    }

    /**
     * {@code req_} and 32 hex digits (128 random bits), the shape clients have seen so far. A correlation id, not a
     * secret: drawn from ThreadLocalRandom instead of UUID.randomUUID's SecureRandom, which every request shared.
     */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String high = Long.toHexString(random.nextLong());
        String low = Long.toHexString(random.nextLong());
        return new StringBuilder(36).append("req_").append("0".repeat(16 - high.length())).append(high)
                .append("0".repeat(16 - low.length())).append(low).toString();
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
        return millis(nanos);
    }

    /**
     * {@code nanos} as milliseconds with three decimals, rounded half up: what {@code String.format("%.3f")} prints,
     * without its formatter (it ran on every request, twice, and showed in the passthrough profile). A duration: a
     * negative one (a clock step) prints as {@code 0.000}.
     */
    public static String millis(long nanos) {
        long micros = (Math.max(0, nanos) + 500) / 1000;
        long fraction = micros % 1000;
        StringBuilder text = new StringBuilder(12);
        text.append(micros / 1000).append('.');
        if (fraction < 100) {
            text.append(fraction < 10 ? "00" : "0");
        }
        return text.append(fraction).toString();
    }
}
