package io.groundgate.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.groundgate.api.RequestTiming;
import io.opentelemetry.api.trace.Span;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Ties a request's log lines and trace together: puts the request id in the logging MDC as {@code requestId} (Quarkus
 * keeps the MDC on the request's Vert.x context, so worker threads that continue the request see it too), and records
 * the request id, model and route on the request's server span when tracing is on.
 */
@ApplicationScoped
public class RequestCorrelation {

    public static final String MDC_KEY = "requestId";
    static final int ORDER = -995;

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::start);
    }

    private void start(RoutingContext ctx) {
        String requestId = RequestTiming.requestId(ctx);
        if (requestId != null) {
            MDC.put(MDC_KEY, requestId);
        }
        Span span = Span.current();
        if (span.isRecording()) {
            if (requestId != null) {
                span.setAttribute("groundgate.request_id", requestId);
            }
            ctx.addHeadersEndHandler(v -> {
                String model = RequestTiming.model(ctx);
                String route = RequestTiming.route(ctx);
                if (model != null) {
                    span.setAttribute("groundgate.model", model);
                }
                if (route != null) {
                    span.setAttribute("groundgate.route", route);
                }
            });
        }
        ctx.next();
    }
}
