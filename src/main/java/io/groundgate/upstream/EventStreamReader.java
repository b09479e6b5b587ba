package io.groundgate.upstream;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParsingHandle;

import io.vertx.core.buffer.Buffer;

/**
 * Reads an upstream's Server-Sent Events as they arrive and hands them to LangChain4j, checking on the way that the
 * stream is what an OpenAI-compatible server sends: every {@code data} is a JSON object (or {@code [DONE]}), an error
 * event or object is the upstream's error, and a stream that ends without any data is a failure, not an empty answer.
 * Runs on the connection's event loop; a line longer than {@link #MAX_LINE_BYTES} ends the stream as garbage.
 */
final class EventStreamReader implements ServerSentEventParsingHandle {

    static final int MAX_LINE_BYTES = 4 * 1024 * 1024;

    private final Upstream upstream;
    private final UpstreamExchange exchange;
    private final ServerSentEventListener listener;
    private final ServerSentEventContext context = new ServerSentEventContext(this);
    private Buffer pending = Buffer.buffer();
    private StringBuilder data;
    private String event;
    private int events;
    private boolean finished;
    private boolean ended;
    private volatile boolean cancelled;

    EventStreamReader(Upstream upstream, UpstreamExchange exchange, ServerSentEventListener listener) {
        this.upstream = upstream;
        this.exchange = exchange;
        this.listener = listener;
    }

    void start() {
        var response = exchange.response();
        listener.onOpen(dev.langchain4j.http.client.SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                .headers(Map.of()).build());
        response.handler(this::chunk);
        response.exceptionHandler(failure -> {
            if (!finished) { // after our own cancel, the reset that follows is no news
                fail(UpstreamErrors.transport(upstream, failure));
            }
        });
        response.endHandler(v -> end());
        response.resume();
    }

    @Override
    public void cancel() {
        cancelled = true;
        finished = true;
        exchange.cancel();
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    private void chunk(Buffer chunk) {
        if (finished) {
            return;
        }
        pending.appendBuffer(chunk);
        int start = 0;
        for (int i = 0; i < pending.length() && !finished; i++) {
            if (pending.getByte(i) == '\n') {
                line(pending.getString(start, i > start && pending.getByte(i - 1) == '\r' ? i - 1 : i, "UTF-8"));
                start = i + 1;
            }
        }
        pending = start == 0 ? pending : pending.getBuffer(start, pending.length());
        if (pending.length() > MAX_LINE_BYTES) {
            fail(UpstreamErrors.malformed(upstream, "sent a stream line longer than "
                    + MAX_LINE_BYTES / (1024 * 1024) + " MiB", UpstreamHttpClient.preview(pending)));
        }
    }

    /** One line of the SSE format: a field, a comment, or the blank line that ends an event. */
    private void line(String line) {
        if (line.isEmpty()) {
            dispatch();
            return;
        }
        if (line.startsWith(":")) {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + (line.startsWith(": ", colon) ? 2 : 1));
        if (field.equals("data")) {
            data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        } else if (field.equals("event")) {
            event = value;
        }
    }

    private void dispatch() {
        if (data == null) {
            event = null;
            return;
        }
        String payload = data.toString();
        String name = event;
        data = null;
        event = null;
        if (payload.equals("[DONE]")) {
            return;
        }
        JsonNode json = UpstreamHttpClient.json(Buffer.buffer(payload));
        JsonNode error = json == null ? null : errorOf(json);
        if ("error".equals(name) || error != null) {
            fail(error != null ? UpstreamErrors.errorInBody(upstream, error)
                    : UpstreamErrors.malformed(upstream, "sent an error event", payload));
            return;
        }
        if (json == null) {
            fail(UpstreamErrors.malformed(upstream, "sent a stream event that is not valid JSON",
                    UpstreamHttpClient.preview(Buffer.buffer(payload.getBytes(StandardCharsets.UTF_8)))));
            return;
        }
        events++;
        listener.onEvent(new ServerSentEvent(name, payload), context);
    }

    /**
     * The error an event carries: a chat stream's {@code error} object, or the Responses API's {@code error} event and
     * {@code response.failed} (whose error is in {@code response.error}); null for an ordinary event.
     */
    private static JsonNode errorOf(JsonNode json) {
        if (json.path("error").isObject()) {
            return json.get("error");
        }
        String type = json.path("type").asText("");
        if (type.equals("response.failed") && json.path("response").path("error").isObject()) {
            return json.get("response").get("error");
        }
        return type.equals("error") && json.path("message").isTextual() ? json : null;
    }

    private void end() {
        ended = true;
        if (finished) {
            return;
        }
        if (!pending.toString(StandardCharsets.UTF_8).isBlank()) {
            line(pending.toString(StandardCharsets.UTF_8).strip());
        }
        dispatch();
        if (finished) {
            return;
        }
        if (events == 0) {
            fail(UpstreamErrors.malformed(upstream, "ended its event stream without sending an answer", "no data events"));
            return;
        }
        finished = true;
        listener.onClose();
    }

    private void fail(Throwable failure) {
        if (finished) {
            return;
        }
        finished = true;
        if (!ended) {
            exchange.cancel(); // stop the model generating what nobody will read
        }
        listener.onError(failure);
    }
}
