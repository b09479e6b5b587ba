package io.groundgate.upstream;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;

/**
 * LangChain4j's HTTP client for the grounded route, built on the passthrough's {@link UpstreamClient}: the same pooled
 * connections, the same connect, first-byte and total timeouts, the same error mapping (a 429 keeps its
 * {@code Retry-After}). Every failure leaves here as a {@link GatewayException} that says it is the upstream's, and a
 * 2xx answer that is not what an OpenAI-compatible server sends (HTML, an empty body, something that is not JSON, a
 * stream without events) is refused as the upstream's fault instead of becoming an empty answer.
 */
final class UpstreamHttpClient implements HttpClient {

    /** A whole answer larger than this is not a chat completion. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final UpstreamClient client;
    private final Upstream upstream;
    private final JsonFragments fragments;

    UpstreamHttpClient(UpstreamClient client, Upstream upstream, JsonFragments fragments) {
        this.client = client;
        this.upstream = upstream;
        this.fragments = fragments;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("a blocking upstream call on the event loop");
        }
        Future<SuccessfulHttpResponse> answer = post(request).compose(exchange -> readWhole(exchange)
                .map(body -> response(exchange.response(), checkedAnswer(body, request.url().endsWith("/responses")))));
        try {
            // the exchange's own timers end it; this bound only guards against a timer that never fires
            return answer.toCompletionStage().toCompletableFuture()
                    .get(upstream.totalTimeout().plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof GatewayException g ? g : UpstreamErrors.transport(upstream, e.getCause());
        } catch (TimeoutException e) {
            throw UpstreamErrors.transport(upstream, new UpstreamErrors.TotalTimeoutException());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(ErrorKind.UNAVAILABLE, "The request was interrupted.");
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser ignored, ServerSentEventListener listener) {
        post(request).onComplete(result -> {
            if (result.failed()) {
                listener.onError(result.cause());
                return;
            }
            UpstreamExchange exchange = result.result();
            HttpClientResponse response = exchange.response();
            String type = response.getHeader("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
                // not a stream: read what it is, to report the upstream's own error message if it sent one
                readWhole(exchange).onComplete(body -> listener.onError(body.failed() ? body.cause()
                        : notAStream(body.result(), type)));
                return;
            }
            new EventStreamReader(upstream, exchange, listener).start();
        });
    }

    private Future<UpstreamExchange> post(HttpRequest request) {
        String url = request.url();
        if (!url.startsWith(upstream.baseUrl())) {
            throw new IllegalStateException("LangChain4j called " + url + ", outside " + upstream.baseUrl());
        }
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            // the upstream's key, length and host are UpstreamClient's business, as on the passthrough route
            if (!lower.equals("authorization") && !lower.equals("content-length") && !lower.equals("host")) {
                headers.add(name, values);
            }
        });
        // the pre-written JSON fragments (system prompt, tools) go in here, already encoded
        Buffer body = request.body() == null ? Buffer.buffer() : fragments.encode(request.body());
        return client.post(upstream, url.substring(upstream.baseUrl().length()), body, headers);
    }

    /** The whole body, at most {@link #MAX_BODY_BYTES}; a broken or stalled body fails like any upstream fault. */
    private Future<Buffer> readWhole(UpstreamExchange exchange) {
        HttpClientResponse response = exchange.response();
        Promise<Buffer> done = Promise.promise();
        Buffer body = Buffer.buffer();
        response.handler(chunk -> {
            if (done.future().isComplete()) {
                return;
            }
            if (body.length() + chunk.length() > MAX_BODY_BYTES) {
                done.tryFail(UpstreamErrors.malformed(upstream, "sent a response larger than "
                        + MAX_BODY_BYTES / (1024 * 1024) + " MiB", "Content-Type " + response.getHeader("Content-Type")));
                exchange.cancel();
            } else {
                body.appendBuffer(chunk);
            }
        });
        response.exceptionHandler(failure -> {
            if (!done.future().isComplete()) { // after our own cancel, the reset that follows is no news
                done.tryFail(UpstreamErrors.transport(upstream, failure));
            }
        });
        response.endHandler(v -> done.tryComplete(body));
        response.resume();
        return done.future();
    }

    /**
     * The body of a non-streamed answer, as long as it is a chat completion (or a Responses object, on that API). Its
     * shape is checked by reading the tokens, without building a tree: LangChain4j parses the body itself right after.
     */
    private String checkedAnswer(Buffer body, boolean responsesApi) {
        byte[] bytes = body.getBytes();
        switch (shape(bytes, responsesApi)) {
            case NOT_JSON -> throw UpstreamErrors.malformed(upstream, body.length() == 0 ? "returned an empty response"
                    : "returned a response that is not valid JSON", preview(body));
            case ERROR -> throw UpstreamErrors.errorInBody(upstream, json(body).get("error"));
            case NOT_ANSWER -> throw UpstreamErrors.malformed(upstream, responsesApi
                    ? "returned JSON that is not a Responses object" : "returned JSON that is not a chat completion",
                    preview(body));
            default -> {
                return new String(bytes, StandardCharsets.UTF_8);
            }
        }
    }

    /** What a whole answer is, read as tokens. */
    enum Shape { NOT_JSON, ERROR, NOT_ANSWER, ANSWER }

    /**
     * A JSON object with an {@code error} object is an error; else an answer when it has {@code choices} whose first
     * element has a {@code message} object (chat completions) or an {@code output} array (Responses).
     */
    static Shape shape(byte[] bytes, boolean responsesApi) {
        if (bytes.length == 0) {
            return Shape.NOT_JSON;
        }
        try (JsonParser p = JSON.getFactory().createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Shape.NOT_JSON;
            }
            boolean error = false;
            boolean answer = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("error".equals(name)) {
                    error = value == JsonToken.START_OBJECT;
                    p.skipChildren();
                } else if (!responsesApi && "choices".equals(name)) {
                    answer = value == JsonToken.START_ARRAY && firstHasMessage(p);
                    if (value != JsonToken.START_ARRAY) {
                        p.skipChildren();
                    }
                } else if (responsesApi && "output".equals(name)) {
                    answer = value == JsonToken.START_ARRAY;
                    p.skipChildren();
                } else {
                    p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                return Shape.NOT_JSON;
            }
            return error ? Shape.ERROR : answer ? Shape.ANSWER : Shape.NOT_ANSWER;
        } catch (IOException e) {
            return Shape.NOT_JSON;
        }
    }

    /** Inside an array: whether its first element is an object with a {@code message} object; reads to its end. */
    private static boolean firstHasMessage(JsonParser p) throws IOException {
        boolean found = false;
        JsonToken first = p.nextToken();
        if (first == JsonToken.END_ARRAY) {
            return false;
        }
        if (first == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("message".equals(name)) {
                    found = value == JsonToken.START_OBJECT;
                }
                p.skipChildren();
            }
        } else {
            p.skipChildren();
        }
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw new EOFException("the array does not end");
            }
            p.skipChildren();
        }
        return found;
    }

    private GatewayException notAStream(Buffer body, String type) {
        JsonNode root = json(body);
        if (root != null && root.path("error").isObject()) {
            return UpstreamErrors.errorInBody(upstream, root.get("error"));
        }
        return UpstreamErrors.malformed(upstream, "did not answer with an event stream",
                "Content-Type " + type + ": " + preview(body));
    }

    private static SuccessfulHttpResponse response(HttpClientResponse response, String body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.headers().names().forEach(name -> headers.put(name, response.headers().getAll(name)));
        return SuccessfulHttpResponse.builder().statusCode(response.statusCode()).headers(headers).body(body).build();
    }

    /** The body as a JSON object, or null when it is not one. */
    static JsonNode json(Buffer body) {
        if (body.length() == 0) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body.getBytes());
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    static String preview(Buffer body) {
        String text = body.getString(0, Math.min(body.length(), 200), "UTF-8");
        return body.length() > 200 ? text + "… (" + body.length() + " bytes)" : text;
    }

    /** Builds the client of one upstream; LangChain4j's timeouts are ignored, the upstream's configuration rules. */
    static final class Builder implements HttpClientBuilder {

        private final UpstreamClient client;
        private final Upstream upstream;
        private final JsonFragments fragments;
        private Duration connectTimeout;
        private Duration readTimeout;

        Builder(UpstreamClient client, Upstream upstream, JsonFragments fragments) {
            this.client = client;
            this.upstream = upstream;
            this.fragments = fragments;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            return new UpstreamHttpClient(client, upstream, fragments);
        }
    }
}
