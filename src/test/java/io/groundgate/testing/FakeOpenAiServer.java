package io.groundgate.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * A real OpenAI-compatible HTTP server on 127.0.0.1 for tests: replies are scripted per request (a queue), every request
 * is recorded, and it can stream, stall, fail, and drop connections mid-stream.
 */
public final class FakeOpenAiServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx = Vertx.vertx();
    private final ConcurrentLinkedDeque<Reply> script = new ConcurrentLinkedDeque<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final List<String> cancelled = new CopyOnWriteArrayList<>();
    private HttpServer server;

    /**
     * A request as the fake received it.
     *
     * @param atNanos when it arrived ({@link System#nanoTime()})
     */
    public record Recorded(String path, Map<String, String> headers, byte[] body, long atNanos) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
    }

    /** How to answer one request. */
    @FunctionalInterface
    public interface Reply {
        void answer(Recorded request, HttpServerResponse response, Vertx vertx);
    }

    public FakeOpenAiServer start() {
        CountDownLatch started = new CountDownLatch(1);
        server = vertx.createHttpServer().requestHandler(this::handle);
        server.listen(0, "127.0.0.1").onComplete(r -> started.countDown());
        await(started);
        return this;
    }

    public int port() {
        return server.actualPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    public void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** Queues replies for the next requests, in order. With an empty queue the fake echoes the last user message. */
    public FakeOpenAiServer enqueue(Reply... replies) {
        Collections.addAll(script, replies);
        return this;
    }

    public void reset() {
        script.clear();
        requests.clear();
        cancelled.clear();
    }

    public List<Recorded> requests() {
        return new ArrayList<>(requests);
    }

    public Recorded lastRequest() {
        return requests.get(requests.size() - 1);
    }

    /** Paths of requests whose client went away before the reply ended. */
    public List<String> cancelled() {
        return new ArrayList<>(cancelled);
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            request.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
            Recorded recorded = new Recorded(request.path(), headers, body.getBytes(), System.nanoTime());
            requests.add(recorded);
            HttpServerResponse response = request.response();
            response.closeHandler(v -> {
                if (!response.ended()) {
                    cancelled.add(request.path());
                }
            });
            if (request.path().endsWith("/models")) {
                json(200, "{\"object\":\"list\",\"data\":[]}").answer(recorded, response, vertx);
                return;
            }
            Reply reply = script.poll();
            (reply != null ? reply : request.path().endsWith("/responses") ? responsesEcho() : echo())
                    .answer(recorded, response, vertx);
        });
    }

    // ---- scripted replies -------------------------------------------------------------------------------------------

    public static Reply json(int status, String body) {
        return (req, resp, vertx) -> resp.setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }

    public static Reply json(int status, String body, Map<String, String> headers) {
        return (req, resp, vertx) -> {
            headers.forEach(resp::putHeader);
            resp.setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
        };
    }

    /** A normal completion whose content is {@code text}; streamed in two pieces when the request asks to stream. */
    public static Reply completion(String text) {
        return (req, resp, vertx) -> {
            String model = req.json().path("model").asText("fake-model");
            if (req.json().path("stream").asBoolean(false)) {
                int half = text.length() / 2;
                sse(List.of(chunk(model, "{\"role\":\"assistant\",\"content\":" + quote(text.substring(0, half)) + "}", null),
                        chunk(model, "{\"content\":" + quote(text.substring(half)) + "}", null),
                        chunk(model, "{}", "stop"), usageChunk(model, 10, 5)), Duration.ZERO, true).answer(req, resp, vertx);
            } else {
                resp.putHeader("Content-Type", "application/json").end(completionJson(model, text));
            }
        };
    }

    /** A function call as {@code name} and JSON {@code arguments}. */
    public record Call(String id, String name, String arguments) {
    }

    /**
     * The model calls tools: a {@code tool_calls} message, or when streaming, deltas as OpenAI sends them (id, type and
     * name in the first delta of each call, arguments in two fragments).
     */
    public static Reply toolCalls(Call... calls) {
        return (req, resp, vertx) -> {
            String model = req.json().path("model").asText("fake-model");
            if (req.json().path("stream").asBoolean(false)) {
                List<String> events = new ArrayList<>();
                events.add(chunk(model, "{\"role\":\"assistant\",\"content\":null}", null));
                for (int i = 0; i < calls.length; i++) {
                    Call c = calls[i];
                    int half = c.arguments().length() / 2;
                    events.add(chunk(model, "{\"tool_calls\":[{\"index\":" + i + ",\"id\":" + quote(c.id())
                            + ",\"type\":\"function\",\"function\":{\"name\":" + quote(c.name()) + ",\"arguments\":\"\"}}]}", null));
                    events.add(chunk(model, "{\"tool_calls\":[{\"index\":" + i + ",\"function\":{\"arguments\":"
                            + quote(c.arguments().substring(0, half)) + "}}]}", null));
                    events.add(chunk(model, "{\"tool_calls\":[{\"index\":" + i + ",\"function\":{\"arguments\":"
                            + quote(c.arguments().substring(half)) + "}}]}", null));
                }
                events.add(chunk(model, "{}", "tool_calls"));
                events.add(usageChunk(model, 10, 5));
                sse(events, Duration.ZERO, true).answer(req, resp, vertx);
                return;
            }
            ObjectNode root = JSON.createObjectNode();
            root.put("id", "chatcmpl-fake").put("object", "chat.completion").put("created", 1_700_000_000L).put("model", model);
            ObjectNode choice = root.putArray("choices").addObject();
            choice.put("index", 0);
            ObjectNode message = choice.putObject("message").put("role", "assistant");
            message.putNull("content");
            com.fasterxml.jackson.databind.node.ArrayNode toolCalls = message.putArray("tool_calls");
            for (Call c : calls) {
                ObjectNode call = toolCalls.addObject().put("id", c.id()).put("type", "function");
                call.putObject("function").put("name", c.name()).put("arguments", c.arguments());
            }
            choice.put("finish_reason", "tool_calls");
            root.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
            resp.putHeader("Content-Type", "application/json").end(root.toString());
        };
    }

    public static String usageChunk(String model, int prompt, int completion) {
        return "{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":" + quote(model)
                + ",\"choices\":[],\"usage\":{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion
                + ",\"total_tokens\":" + (prompt + completion) + "}}";
    }

    /** Echoes the last user message, like a very agreeable model. */
    public static Reply echo() {
        return (req, resp, vertx) -> {
            JsonNode request = req.json();
            JsonNode messages = request.path("messages");
            String last = messages.size() == 0 ? "" : messages.get(messages.size() - 1).path("content").asText();
            if (request.path("stream").asBoolean(false)) {
                String model = request.path("model").asText();
                List<String> events = new ArrayList<>(List.of(chunk(model, "{\"role\":\"assistant\",\"content\":\"\"}", null),
                        chunk(model, "{\"content\":" + quote("echo: " + last) + "}", null),
                        chunk(model, "{}", "stop")));
                if (request.at("/stream_options/include_usage").asBoolean(false)) {
                    events.add(usageChunk(model, 10, 5));
                }
                sse(events, Duration.ZERO, true).answer(req, resp, vertx);
            } else {
                resp.putHeader("Content-Type", "application/json")
                        .end(completionJson(request.path("model").asText(), "echo: " + last));
            }
        };
    }

    // ---- the Responses API (/v1/responses) -------------------------------------------------------------------------

    /** Echoes the input (a string, or the last item's text) as a Responses object, or as its event stream. */
    public static Reply responsesEcho() {
        return (req, resp, vertx) -> {
            JsonNode input = req.json().path("input");
            JsonNode last = input.isArray() && input.size() > 0 ? input.get(input.size() - 1) : input;
            String text = last.isTextual() ? last.asText()
                    : last.path("content").isTextual() ? last.path("content").asText()
                    : last.path("content").path(0).path("text").asText(last.path("output").asText());
            responsesText("echo: " + text).answer(req, resp, vertx);
        };
    }

    /** A Responses answer whose output is one message with {@code text}; when streaming, OpenAI's events for it. */
    public static Reply responsesText(String text) {
        return (req, resp, vertx) -> {
            String model = req.json().path("model").asText("fake-model");
            ObjectNode message = JSON.createObjectNode().put("id", "msg_fake").put("type", "message")
                    .put("status", "completed").put("role", "assistant");
            ObjectNode part = message.putArray("content").addObject().put("type", "output_text").put("text", text);
            part.putArray("annotations");
            respond(req, resp, vertx, responseJson(model, List.of(message)), List.of(
                    "response.output_item.added", "{\"output_index\":0,\"item\":{\"id\":\"msg_fake\",\"type\":\"message\","
                            + "\"status\":\"in_progress\",\"role\":\"assistant\",\"content\":[]}}",
                    "response.content_part.added", "{\"item_id\":\"msg_fake\",\"output_index\":0,\"content_index\":0,"
                            + "\"part\":{\"type\":\"output_text\",\"text\":\"\",\"annotations\":[]}}",
                    "response.output_text.delta", "{\"item_id\":\"msg_fake\",\"output_index\":0,\"content_index\":0,"
                            + "\"delta\":" + quote(text) + "}",
                    "response.output_text.done", "{\"item_id\":\"msg_fake\",\"output_index\":0,\"content_index\":0,"
                            + "\"text\":" + quote(text) + "}",
                    "response.output_item.done", "{\"output_index\":0,\"item\":" + message + "}"));
        };
    }

    /** A Responses answer that calls one function. */
    public static Reply responsesFunctionCall(Call call) {
        return responsesFunctionCalls(call);
    }

    /**
     * A Responses answer that calls several functions at once (parallel tool calls): one {@code function_call} item
     * each; when streaming, each item's added event, its arguments in two deltas, done, and item done, in output order.
     */
    public static Reply responsesFunctionCalls(Call... calls) {
        return (req, resp, vertx) -> {
            String model = req.json().path("model").asText("fake-model");
            List<ObjectNode> items = new ArrayList<>();
            List<String> events = new ArrayList<>();
            for (int i = 0; i < calls.length; i++) {
                Call call = calls[i];
                String id = calls.length == 1 ? "fc_fake" : "fc_fake_" + i;
                ObjectNode item = JSON.createObjectNode().put("id", id).put("type", "function_call")
                        .put("status", "completed").put("arguments", call.arguments()).put("call_id", call.id())
                        .put("name", call.name());
                items.add(item);
                ObjectNode started = item.deepCopy().put("status", "in_progress").put("arguments", "");
                int half = call.arguments().length() / 2;
                String at = "{\"item_id\":\"" + id + "\",\"output_index\":" + i + ",";
                events.addAll(List.of(
                        "response.output_item.added", "{\"output_index\":" + i + ",\"item\":" + started + "}",
                        "response.function_call_arguments.delta", at + "\"delta\":"
                                + quote(call.arguments().substring(0, half)) + "}",
                        "response.function_call_arguments.delta", at + "\"delta\":"
                                + quote(call.arguments().substring(half)) + "}",
                        "response.function_call_arguments.done", at + "\"arguments\":" + quote(call.arguments()) + "}",
                        "response.output_item.done", "{\"output_index\":" + i + ",\"item\":" + item + "}"));
            }
            respond(req, resp, vertx, responseJson(model, items), events);
        };
    }

    /**
     * A Responses answer that fails: a 200 with {@code status: failed} and the error, or when streaming,
     * {@code response.created} then {@code response.failed}, as OpenAI reports a failure after the stream began.
     */
    public static Reply responsesFailed(String code, String message) {
        return (req, resp, vertx) -> {
            ObjectNode failed = responseJson(req.json().path("model").asText("fake-model"), List.of()).put("status",
                    "failed");
            failed.putObject("error").put("code", code).put("message", message);
            if (!req.json().path("stream").asBoolean(false)) {
                resp.putHeader("Content-Type", "application/json").end(failed.toString());
                return;
            }
            resp.setChunked(true).putHeader("Content-Type", "text/event-stream").end(
                    "event: response.created\ndata: {\"type\":\"response.created\",\"sequence_number\":0,\"response\":"
                            + failed.deepCopy().put("status", "in_progress").putNull("error") + "}\n\n"
                            + "event: response.failed\ndata: {\"type\":\"response.failed\",\"sequence_number\":1,"
                            + "\"response\":" + failed + "}\n\n");
        };
    }

    /** The whole response, or (streaming) created, the given type/data pairs, completed; numbered in order. */
    private static void respond(Recorded req, HttpServerResponse resp, Vertx vertx, ObjectNode response,
            List<String> typesAndData) {
        if (!req.json().path("stream").asBoolean(false)) {
            resp.putHeader("Content-Type", "application/json").end(response.toString());
            return;
        }
        ObjectNode inProgress = response.deepCopy().put("status", "in_progress");
        inProgress.putArray("output");
        inProgress.putNull("usage");
        List<String> pairs = new ArrayList<>(List.of("response.created", "{\"response\":" + inProgress + "}"));
        pairs.addAll(typesAndData);
        pairs.addAll(List.of("response.completed", "{\"response\":" + response + "}"));
        resp.setChunked(true).putHeader("Content-Type", "text/event-stream");
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < pairs.size(); i += 2) {
            String data = "{\"type\":" + quote(pairs.get(i)) + ",\"sequence_number\":" + i / 2 + ","
                    + pairs.get(i + 1).substring(1);
            events.append("event: ").append(pairs.get(i)).append("\ndata: ").append(data).append("\n\n");
        }
        resp.end(events.toString());
    }

    public static ObjectNode responseJson(String model, List<ObjectNode> output) {
        ObjectNode root = JSON.createObjectNode().put("id", "resp_fake").put("object", "response")
                .put("created_at", 1_700_000_000L).put("status", "completed").put("model", model);
        root.putNull("error");
        root.putNull("incomplete_details");
        root.putNull("instructions");
        root.putArray("output").addAll(output);
        root.put("parallel_tool_calls", true).put("temperature", 1.0).put("tool_choice", "auto").put("top_p", 1.0);
        root.putArray("tools");
        root.putObject("metadata");
        ObjectNode usage = root.putObject("usage").put("input_tokens", 12);
        usage.putObject("input_tokens_details").put("cached_tokens", 0);
        usage.put("output_tokens", 7);
        usage.putObject("output_tokens_details").put("reasoning_tokens", 0);
        usage.put("total_tokens", 19);
        root.put("vendor_extension", "kept"); // a field no SDK knows: passthrough must relay it untouched
        return root;
    }

    /**
     * Streams {@code events} as Server-Sent Events, one write each, {@code gap} apart; ends with {@code data: [DONE]} if
     * {@code done}.
     */
    public static Reply sse(List<String> events, Duration gap, boolean done) {
        return (req, resp, vertx) -> {
            resp.setChunked(true).putHeader("Content-Type", "text/event-stream");
            List<String> all = new ArrayList<>(events);
            if (done) {
                all.add("[DONE]");
            }
            writeEvents(resp, vertx, all, 0, gap, () -> resp.end());
        };
    }

    /** Streams {@code events} then drops the TCP connection without ending the stream. */
    public static Reply sseThenDrop(List<String> events) {
        return (req, resp, vertx) -> {
            resp.setChunked(true).putHeader("Content-Type", "text/event-stream");
            // let the last bytes flush, then drop the connection without the final chunk
            writeEvents(resp, vertx, events, 0, Duration.ofMillis(20), () -> vertx.setTimer(50, id -> resp.reset()));
        };
    }

    /** Streams {@code events}, then waits until {@code release} opens before finishing. */
    public static Reply sseGated(List<String> first, CountDownLatch release, List<String> rest) {
        return (req, resp, vertx) -> {
            resp.setChunked(true).putHeader("Content-Type", "text/event-stream");
            first.forEach(e -> resp.write("data: " + e + "\n\n"));
            vertx.executeBlocking(() -> release.await(10, TimeUnit.SECONDS), false).onComplete(r -> {
                if (!resp.closed()) {
                    rest.forEach(e -> resp.write("data: " + e + "\n\n"));
                    resp.end("data: [DONE]\n\n");
                }
            });
        };
    }

    /** Answers only after {@code delay} (or never, if the client gives up first). */
    public static Reply delayed(Duration delay, Reply then) {
        return (req, resp, vertx) -> vertx.setTimer(delay.toMillis(), id -> {
            if (!resp.closed()) {
                then.answer(req, resp, vertx);
            }
        });
    }

    // ---- faults -------------------------------------------------------------------------------------------------

    /** Any status, content type and body, as given: an HTML error page, an empty 200, truncated JSON. */
    public static Reply raw(int status, String contentType, String body) {
        return (req, resp, vertx) -> {
            resp.setStatusCode(status);
            if (contentType != null) {
                resp.putHeader("Content-Type", contentType);
            }
            resp.end(body);
        };
    }

    /** A 200 with {@code bytes} bytes of non-JSON text, written in 64 KiB pieces. */
    public static Reply huge(String contentType, int bytes) {
        return (req, resp, vertx) -> {
            resp.setChunked(true).putHeader("Content-Type", contentType);
            Buffer piece = Buffer.buffer("x".repeat(64 * 1024));
            for (int written = 0; written < bytes && !resp.closed(); written += piece.length()) {
                resp.write(piece);
            }
            if (!resp.closed()) {
                resp.end();
            }
        };
    }

    /** Sends the response head, then nothing, ever (until the client gives up). */
    public static Reply stallAfterHeaders(String contentType) {
        return (req, resp, vertx) -> resp.setChunked(true).putHeader("Content-Type", contentType).setStatusCode(200)
                .writeHead();
    }

    /** Sends the head and then {@code body} one byte every {@code gap}: never idle for long, never done in time. */
    public static Reply trickle(String contentType, String body, Duration gap) {
        return (req, resp, vertx) -> {
            resp.setChunked(true).putHeader("Content-Type", contentType).setStatusCode(200).writeHead();
            trickleFrom(resp, vertx, body, 0, gap);
        };
    }

    private static void trickleFrom(HttpServerResponse resp, Vertx vertx, String body, int i, Duration gap) {
        if (resp.closed()) {
            return;
        }
        if (i == body.length()) {
            resp.end();
            return;
        }
        resp.write(body.substring(i, i + 1));
        vertx.setTimer(gap.toMillis(), id -> trickleFrom(resp, vertx, body, i + 1, gap));
    }

    /** Sends the head and the start of a body, then drops the connection. */
    public static Reply resetMidBody(String contentType, String start) {
        return (req, resp, vertx) -> {
            resp.setChunked(true).putHeader("Content-Type", contentType).setStatusCode(200).write(start);
            vertx.setTimer(50, id -> resp.reset());
        };
    }

    private static void writeEvents(HttpServerResponse resp, Vertx vertx, List<String> events, int i, Duration gap,
            Runnable end) {
        if (resp.closed()) {
            return;
        }
        if (i == events.size()) {
            end.run();
            return;
        }
        resp.write("data: " + events.get(i) + "\n\n");
        if (gap.isZero()) {
            writeEvents(resp, vertx, events, i + 1, gap, end);
        } else {
            vertx.setTimer(gap.toMillis(), id -> writeEvents(resp, vertx, events, i + 1, gap, end));
        }
    }

    // ---- JSON builders ------------------------------------------------------------------------------------------------

    public static String completionJson(String model, String content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-fake").put("object", "chat.completion").put("created", 1_700_000_000L).put("model", model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        root.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
        return root.toString();
    }

    /** One chat.completion.chunk with the given delta JSON and finish reason (null for none). */
    public static String chunk(String model, String deltaJson, String finishReason) {
        return "{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":"
                + quote(model) + ",\"choices\":[{\"index\":0,\"delta\":" + deltaJson + ",\"finish_reason\":"
                + (finishReason == null ? "null" : quote(finishReason)) + "}]}";
    }

    public static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Buffer buffer(String text) {
        return Buffer.buffer(text);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("fake upstream did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
