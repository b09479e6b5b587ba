package io.groundgate.ops;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.groundgate.api.RequestTiming;
import io.groundgate.routing.ModelRoute;
import io.groundgate.routing.ModelRouter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Times every API request into {@code groundgate.requests} (Prometheus: {@code groundgate_requests_seconds_*}), tagged
 * with {@code route} (passthrough, grounded, local, other), {@code model} and {@code status}. Streams are timed to their
 * last byte. Tags stay bounded: {@code model} is a served model id, {@code none} when the request named no model, else
 * {@code unknown}; {@code status} is the HTTP status, or {@code aborted} when the client went away first. Management
 * paths ({@code /q/*}: health, metrics) are not counted.
 */
@ApplicationScoped
public class RequestMetrics {

    public static final String NAME = "groundgate.requests";
    static final int ORDER = -990;

    private static final Set<String> ROUTES = Set.of("passthrough", "grounded", "local");
    private static final Duration[] BUCKETS = { Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(300) };

    private final MeterRegistry registry;
    private final Set<String> servedModels;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public RequestMetrics(MeterRegistry registry, ModelRouter router) {
        this.registry = registry;
        this.servedModels = router.all().stream().map(ModelRoute::id).collect(Collectors.toUnmodifiableSet());
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::start);
    }

    private void start(RoutingContext ctx) {
        if (ctx.request().path().startsWith("/q/")) {
            ctx.next();
            return;
        }
        long started = System.nanoTime();
        ctx.addEndHandler(result -> {
            String status = result.succeeded() ? Integer.toString(ctx.response().getStatusCode()) : "aborted";
            timer(routeTag(RequestTiming.route(ctx)), modelTag(RequestTiming.model(ctx)), status)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        });
        ctx.next();
    }

    String routeTag(String route) {
        return route != null && ROUTES.contains(route) ? route : "other";
    }

    String modelTag(String model) {
        if (model == null) {
            return "none";
        }
        return servedModels.contains(model) ? model : "unknown";
    }

    private Timer timer(String route, String model, String status) {
        return timers.computeIfAbsent(route + '\n' + model + '\n' + status, key -> Timer.builder(NAME)
                .description("Requests to the OpenAI-compatible API, by route, model and HTTP status")
                .tags("route", route, "model", model, "status", status)
                .serviceLevelObjectives(BUCKETS)
                .register(registry));
    }
}
