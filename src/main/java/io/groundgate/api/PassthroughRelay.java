package io.groundgate.api;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;
import io.groundgate.routing.ModelRoute;
import io.groundgate.upstream.TokenMeter;
import io.groundgate.upstream.UpstreamChain;
import io.groundgate.upstream.UpstreamErrors;
import io.groundgate.upstream.UpstreamExchange;
import io.groundgate.upstream.UpstreamRegistry;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * The passthrough route: the client's bytes go to the upstream unchanged and the upstream's bytes come back unchanged.
 * Streams are relayed chunk by chunk with backpressure; a client that goes away cancels the upstream request.
 */
@ApplicationScoped
public class PassthroughRelay {

    private final UpstreamRegistry upstreams;
    private final UpstreamChain chain;
    private final TokenMeter tokens;

    public PassthroughRelay(UpstreamRegistry upstreams, UpstreamChain chain, TokenMeter tokens) {
        this.upstreams = upstreams;
        this.chain = chain;
        this.tokens = tokens;
    }

    /**
     * Relays the client's bytes to {@code path} of the route's upstreams (e.g. {@code /chat/completions},
     * {@code /responses}) and their answer back.
     *
     * @param countStream whether a stream carries usage to count (chat streams only when the client asked for it)
     */
    void relay(RoutingContext ctx, ModelRoute route, String path, boolean streaming, boolean countStream, Buffer body) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Accept", streaming ? "text/event-stream" : "application/json")
                .add(RequestTiming.REQUEST_ID_HEADER, RequestTiming.requestId(ctx));
        chain.post(upstreams.chain(route.upstreams()), path, body, headers).onComplete(result -> {
            if (result.failed()) {
                JsonPost.fail(ctx, result.cause());
            } else if (ctx.response().closed()) {
                result.result().cancel();
            } else if (isEventStream(result.result().response())) {
                stream(ctx, result.result(), countStream ? route.id() : null);
            } else {
                whole(ctx, result.result(), route.id());
            }
        });
    }

    /** A non-streamed answer: small, so read it whole, which lets a failure mid-body still become a clean 502. */
    private void whole(RoutingContext ctx, UpstreamExchange exchange, String model) {
        HttpClientResponse upstream = exchange.response();
        ctx.response().closeHandler(v -> exchange.cancel());
        upstream.body().onComplete(body -> {
            RequestTiming.addUpstreamNanos(ctx, System.nanoTime() - exchange.sentAtNanos());
            if (body.failed()) {
                if (!ctx.response().closed()) { // when the client left, we cancelled: not the upstream's fault
                    JsonPost.fail(ctx, chain.failedAfterHead(exchange, body.cause()));
                }
                return;
            }
            HttpServerResponse out = ctx.response();
            copyHeaders(upstream, out);
            RequestUsage.tokens(ctx, tokens.countRelayed(model, body.result()));
            out.setStatusCode(upstream.statusCode()).end(body.result());
        });
        upstream.resume();
    }

    /** @param usageModel the model to count the usage chunk for, or null when the client did not ask for usage */
    private void stream(RoutingContext ctx, UpstreamExchange exchange, String usageModel) {
        HttpClientResponse upstream = exchange.response();
        HttpServerResponse out = ctx.response();
        RequestTiming.addUpstreamNanos(ctx, exchange.headersAtNanos() - exchange.sentAtNanos());
        copyHeaders(upstream, out);
        out.setStatusCode(upstream.statusCode()).setChunked(true).putHeader("Cache-Control", "no-cache");
        out.closeHandler(v -> exchange.cancel());
        upstream.handler(chunk -> {
            out.write(chunk);
            if (usageModel != null) {
                RequestUsage.tokens(ctx, tokens.countRelayed(usageModel, chunk));
            }
            if (out.writeQueueFull()) {
                upstream.pause();
                out.drainHandler(v -> upstream.resume());
            }
        });
        upstream.exceptionHandler(failure -> {
            if (out.closed()) {
                return; // the client went away and we cancelled: not the upstream's fault
            }
            chain.failedAfterHead(exchange, failure);
            // Headers are gone already: tell the client in the stream itself, as OpenAI does, then end it.
            GatewayException error = UpstreamErrors.isTimeout(failure)
                    ? new GatewayException(ErrorKind.TIMEOUT, "The upstream '" + exchange.upstream().name()
                            + "' stopped sending within its timeout; the stream is incomplete.", null, "upstream_timeout")
                    : new GatewayException(ErrorKind.UPSTREAM, "The connection to the upstream '"
                            + exchange.upstream().name() + "' broke mid-stream; the stream is incomplete.", null,
                            "upstream_stream_broken");
            if (!out.ended() && !out.closed()) {
                out.end(Buffer.buffer("\ndata: " + new String(ErrorResponses.json(error), StandardCharsets.UTF_8) + "\n\n"));
            }
        });
        upstream.endHandler(v -> {
            if (!out.ended() && !out.closed()) {
                out.end();
            }
        });
        upstream.resume();
    }

    private static boolean isEventStream(HttpClientResponse response) {
        String type = response.getHeader("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    }

    /** Headers worth keeping from the upstream; hop-by-hop and framing headers are the server's own business. */
    private static void copyHeaders(HttpClientResponse from, HttpServerResponse to) {
        for (Map.Entry<String, String> header : from.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("content-type") || name.startsWith("x-ratelimit-") || name.startsWith("openai-")
                    || name.equals("retry-after")) {
                to.headers().add(header.getKey(), header.getValue());
            } else if (name.equals("x-request-id")) {
                to.headers().add("x-upstream-request-id", header.getValue());
            }
        }
    }
}
