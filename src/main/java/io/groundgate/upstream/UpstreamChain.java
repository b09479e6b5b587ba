package io.groundgate.upstream;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.groundgate.chat.GatewayException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/**
 * Sends one request along a model's fallback chain without blocking: each upstream is retried with backoff on
 * connection failures, 429 and 5xx, skipped while its breaker is open, then the next one is tried. Everything happens
 * before the response headers reach the client, so nothing half-streamed is ever retried.
 */
@ApplicationScoped
public class UpstreamChain {

    private final Vertx vertx;
    private final UpstreamClient client;
    private final UpstreamResilience resilience;
    private final Tracer tracer;

    public UpstreamChain(Vertx vertx, UpstreamClient client, UpstreamResilience resilience, Tracer tracer) {
        this.tracer = tracer;
        this.vertx = vertx;
        this.client = client;
        this.resilience = resilience;
    }

    public Future<UpstreamExchange> post(List<Upstream> chain, String path, Buffer body, MultiMap headers) {
        return attempt(chain, 0, 1, path, body, headers, null);
    }

    /**
     * A failure after the response head (the body broke, stalled or ran out of time): as much the upstream's fault as
     * one before it, so the breaker counts it the same way.
     */
    public GatewayException failedAfterHead(UpstreamExchange exchange, Throwable failure) {
        GatewayException error = UpstreamErrors.transport(exchange.upstream(), failure);
        resilience.failed(exchange.upstream(), error);
        return error;
    }

    private Future<UpstreamExchange> attempt(List<Upstream> chain, int index, int attempt, String path, Buffer body,
            MultiMap headers, GatewayException last) {
        if (index >= chain.size()) {
            return Future.failedFuture(last);
        }
        Upstream upstream = chain.get(index);
        if (!resilience.permit(upstream)) {
            return next(chain, index, path, body, headers, last != null ? last : UpstreamResilience.breakerOpen(upstream));
        }
        long started = System.nanoTime();
        Span span = tracer.spanBuilder("upstream POST " + upstream.name()).setSpanKind(SpanKind.CLIENT)
                .setAttribute("groundgate.upstream", upstream.name()).setAttribute("groundgate.attempt", attempt)
                .startSpan();
        return client.post(upstream, path, body, headers).transform(result -> {
            // the span covers the wait for the response head; the body streams afterwards
            if (result.failed()) {
                span.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR, String.valueOf(result.cause().getMessage()));
            }
            span.end();
            if (result.succeeded()) {
                resilience.recordLatency(upstream, "ok", System.nanoTime() - started);
                resilience.succeeded(upstream);
                return Future.succeededFuture(result.result());
            }
            GatewayException failure = result.cause() instanceof GatewayException g ? g
                    : UpstreamErrors.transport(upstream, result.cause());
            String outcome = failure.code() == null ? failure.kind().type() : failure.code();
            resilience.recordLatency(upstream, outcome, System.nanoTime() - started);
            resilience.failed(upstream, failure);
            if (!UpstreamResilience.retryable(failure)) {
                return Future.failedFuture(failure);
            }
            if (UpstreamResilience.retrySame(failure) && attempt <= upstream.retries()) {
                resilience.countRetry(upstream);
                return delay(resilience.backoffMillis(upstream, attempt, failure))
                        .compose(v -> attempt(chain, index, attempt + 1, path, body, headers, failure));
            }
            return next(chain, index, path, body, headers, failure);
        });
    }

    private Future<UpstreamExchange> next(List<Upstream> chain, int index, String path, Buffer body, MultiMap headers,
            GatewayException last) {
        if (index + 1 < chain.size()) {
            resilience.countFallback(chain.get(index));
        }
        return attempt(chain, index + 1, 1, path, body, headers, last);
    }

    private Future<Void> delay(long millis) {
        Promise<Void> promise = Promise.promise();
        vertx.setTimer(Math.max(1, millis), id -> promise.complete());
        return promise.future();
    }
}
