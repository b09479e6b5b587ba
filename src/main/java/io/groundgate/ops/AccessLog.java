package io.groundgate.ops;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.groundgate.api.RequestTiming;
import io.groundgate.api.RequestUsage;
import io.groundgate.chat.Usage;
import io.groundgate.security.AccessPolicy;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * One line per API request on the {@code groundgate.access} logger, written when the response has ended: request id,
 * key name (never the key), route, model, status, duration, gateway overhead, tokens in/out, tool steps and bytes. The
 * fields are also in the MDC, so JSON logs ({@code quarkus.log.console.json.enabled=true}) carry them as fields.
 * Management paths ({@code /q/*}) are left out.
 */
@ApplicationScoped
public class AccessLog {

    private static final Logger LOG = Logger.getLogger("groundgate.access");
    static final int ORDER = -985;

    private final boolean enabled;
    private final AccessPolicy policy;

    public AccessLog(AccessLogConfig config, AccessPolicy policy) {
        this.enabled = config.enabled();
        this.policy = policy;
    }

    void register(@Observes Router router) {
        if (enabled) {
            router.route().order(ORDER).handler(this::start);
        }
    }

    private void start(RoutingContext ctx) {
        if (ctx.request().path().startsWith("/q/")) {
            ctx.next();
            return;
        }
        long started = System.nanoTime();
        Context context = Vertx.currentContext();
        Thread eventLoop = Thread.currentThread();
        ctx.addEndHandler(result -> {
            long nanos = System.nanoTime() - started;
            // "aborted" only when the client went away before the response was ended
            boolean completed = ctx.response().ended();
            if (Thread.currentThread() == eventLoop) {
                write(ctx, completed, nanos);
            } else {
                // ended on a worker (JAX-RS resources, the engines): over HTTP/2 the response counts its bytes only
                // when its event loop writes them, in a task queued before this one; read the count after that task
                context.runOnContext(v -> write(ctx, completed, nanos));
            }
        });
        ctx.next();
    }

    private void write(RoutingContext ctx, boolean completed, long nanos) {
        Usage usage = RequestUsage.tokens(ctx);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", RequestTiming.requestId(ctx));
        fields.put("key", policy.keyName(ctx));
        fields.put("method", ctx.request().method().name());
        fields.put("path", ctx.request().path());
        fields.put("route", orDash(RequestTiming.route(ctx)));
        fields.put("model", orDash(RequestTiming.model(ctx)));
        fields.put("status", completed ? Integer.toString(ctx.response().getStatusCode()) : "aborted");
        fields.put("durationMs", RequestTiming.millis(nanos));
        fields.put("overheadMs", RequestTiming.overheadMillis(ctx));
        fields.put("tokensIn", usage == null ? 0 : usage.promptTokens());
        fields.put("tokensOut", usage == null ? 0 : usage.completionTokens());
        fields.put("toolSteps", RequestUsage.toolSteps(ctx));
        fields.put("bytesIn", ctx.request().bytesRead());
        fields.put("bytesOut", ctx.response().bytesWritten());
        StringBuilder line = new StringBuilder("access");
        fields.forEach((name, value) -> {
            line.append(' ').append(name).append('=').append(value);
            MDC.put(name, String.valueOf(value));
        });
        try {
            LOG.info(line);
        } finally {
            fields.keySet().forEach(MDC::remove);
        }
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
