package io.groundgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.testing.FakeUpstreamResource;
import io.groundgate.testing.OpenAiErrors;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Thousands of malformed chat requests (fixed seed, bounded time) across the three routes — passthrough and
 * {@code grounded/} to the loopback fake upstream, and {@code groundgate-local}: none may get a 5xx, and every error must
 * be an OpenAI error object whose message holds no class name and no stack trace.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamResource.class)
class MalformedRequestFuzzTest {

    private static final long SEED = 20_261_130L;
    private static final int CASES = 3_000;
    private static final Duration BUDGET = Duration.ofSeconds(60);
    private static final List<String> MODELS = List.of("fake-model", "grounded/fake-model", "groundgate-local");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String DEEP = "__deep__";
    private static final List<String> FIELDS = List.of("model", "messages", "temperature", "top_p", "max_tokens",
            "max_completion_tokens", "n", "stream", "stream_options", "stop", "tools", "tool_choice", "response_format",
            "seed", "user", "presence_penalty", "frequency_penalty", "logit_bias", "parallel_tool_calls");

    @TestHTTPResource("/v1/chat/completions")
    URI chatUri;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void malformedRequestsNeverGet5xxAndAlwaysAnOpenAiError() throws Exception {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        long deadline = System.nanoTime() + BUDGET.toNanos();
        int sent = 0;
        int refused = 0;
        while (sent < CASES && System.nanoTime() < deadline) {
            String model = MODELS.get(sent % MODELS.size());
            byte[] body = mutate(random, model);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(chatUri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            sent++;
            String what = model + " " + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            if (response.statusCode() >= 500) {
                failures.add(response.statusCode() + " for " + what + " -> " + response.body());
            } else if (response.statusCode() >= 400) {
                refused++;
                try {
                    OpenAiErrors.assertOpenAiError(response.statusCode(), response.body());
                } catch (AssertionError e) {
                    failures.add(response.statusCode() + " not a clean OpenAI error for " + what + " -> " + e.getMessage());
                }
            }
        }
        System.out.printf("fuzz: %d malformed requests sent, %d refused with 4xx, %d failures%n", sent, refused,
                failures.size());
        assertThat(sent).as("requests sent within the time budget").isGreaterThanOrEqualTo(300);
        assertThat(failures).as("first failures of %d", failures.size()).isEmpty();
    }

    // ---- generator -------------------------------------------------------------------------------------------------

    private static ObjectNode valid(String model) {
        ObjectNode body = NODES.objectNode().put("model", model);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", "Be brief.");
        messages.addObject().put("role", "user").put("content", "What is the density of gold?");
        return body;
    }

    private static byte[] mutate(Random random, String model) throws Exception {
        ObjectNode body = valid(model);
        int kind = random.nextInt(12);
        switch (kind) {
            case 0 -> body.set(pick(random, FIELDS), oddValue(random));
            case 1 -> body.remove(pick(random, List.of("model", "messages")));
            case 2 -> message(random, body).set(pick(random, List.of("role", "content", "name", "tool_calls",
                    "tool_call_id")), oddValue(random));
            case 3 -> message(random, body).set("content", oddParts(random));
            case 4 -> body.set(pick(random, List.of("max_tokens", "temperature", "n", "seed", "top_p")),
                    NODES.numberNode(new java.math.BigDecimal(pick(random, List.of("1e400", "-1e400",
                            "99999999999999999999999999999", "-1", "1e-400", "0.5", "-0")))));
            case 5 -> body.set(pick(random, List.of("messages", "tools", "stop", "user")), NODES.textNode(DEEP));
            case 6 -> body.set("tools", oddTools(random));
            case 7 -> {
                body.put("stream", true);
                message(random, body).set("content", oddParts(random));
            }
            case 8 -> {
                ArrayNode messages = body.putArray("messages");
                for (int i = random.nextInt(3); i >= 0; i--) {
                    messages.add(oddMessage(random));
                }
            }
            default -> {
                // byte-level damage below
            }
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        if (kind == 5) { // deeper than Jackson writes: spliced in as text
            int depth = 50 + random.nextInt(5_000);
            String nested = random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                    : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            bytes = new String(bytes, StandardCharsets.UTF_8).replace("\"" + DEEP + "\"", nested)
                    .getBytes(StandardCharsets.UTF_8);
        }
        return switch (kind) {
            case 9 -> java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length)); // truncated
            case 10 -> badUtf8(random, bytes);
            case 11 -> pick(random, List.of("", "null", "[]", "\"text\"", "42", "{\"model\":\"" + model + "\"}{}",
                    "{\"model\":\"" + model + "\",\"model\":\"other\",\"messages\":[]}", "{,}", "{\"messages\":[{}]}",
                    "\uFEFF{\"model\":\"" + model + "\"}")).getBytes(StandardCharsets.UTF_8);
            default -> bytes;
        };
    }

    private static ObjectNode message(Random random, ObjectNode body) {
        JsonNode messages = body.path("messages");
        return (ObjectNode) messages.get(random.nextInt(messages.size()));
    }

    private static ObjectNode oddMessage(Random random) {
        ObjectNode message = NODES.objectNode();
        message.put("role", pick(random, List.of("system", "developer", "user", "assistant", "tool", "function", "")));
        Supplier<JsonNode> content = () -> random.nextBoolean() ? oddParts(random) : oddValue(random);
        if (random.nextInt(4) > 0) {
            message.set("content", content.get());
        }
        if (random.nextInt(3) == 0) {
            message.set("tool_calls", random.nextBoolean() ? oddValue(random)
                    : NODES.arrayNode().add(NODES.objectNode().put("id", "c1").put("type", "function")
                            .set("function", NODES.objectNode().put("name", "f").set("arguments", oddValue(random)))));
        }
        if (random.nextInt(4) == 0) {
            message.set("tool_call_id", oddValue(random));
        }
        return message;
    }

    private static JsonNode oddParts(Random random) {
        ArrayNode parts = NODES.arrayNode();
        for (int i = random.nextInt(3); i > 0; i--) {
            ObjectNode part = parts.addObject();
            String type = pick(random, List.of("text", "image_url", "input_audio", "file", "refusal", "x", ""));
            if (random.nextInt(5) > 0) {
                part.put("type", type);
            } else {
                part.set("type", oddValue(random));
            }
            switch (random.nextInt(4)) {
                case 0 -> part.put("text", "hello");
                case 1 -> part.set(type.isEmpty() ? "text" : type, oddValue(random));
                case 2 -> part.set("image_url", NODES.objectNode().put("url", pick(random,
                        List.of("", "not a url", "http://127.0.0.1:1/x.png", "data:image/png;base64,AAAA"))));
                default -> part.set("input_audio", NODES.objectNode().put("data", "AAAA").put("format", "wav"));
            }
        }
        return parts;
    }

    private static JsonNode oddTools(Random random) {
        ArrayNode tools = NODES.arrayNode();
        ObjectNode function = NODES.objectNode();
        switch (random.nextInt(4)) {
            case 0 -> function.set("name", oddValue(random));
            case 1 -> function.put("name", "f").set("parameters", oddValue(random));
            case 2 -> function.put("name", "").put("description", "x");
            default -> function.put("name", "f".repeat(1 + random.nextInt(100)));
        }
        tools.addObject().put("type", pick(random, List.of("function", "x", ""))).set("function", function);
        return tools;
    }

    private static JsonNode oddValue(Random random) {
        return switch (random.nextInt(11)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.textNode("");
            case 2 -> NODES.textNode("x".repeat(random.nextInt(5_000)));
            case 3 -> NODES.numberNode(random.nextInt());
            case 4 -> NODES.numberNode(new java.math.BigDecimal("1e999"));
            case 5 -> NODES.booleanNode(random.nextBoolean());
            case 6 -> NODES.arrayNode();
            case 7 -> NODES.objectNode();
            case 8 -> NODES.arrayNode().add(1).add("a").addNull();
            case 9 -> NODES.objectNode().put("type", "x").put("a", 1);
            default -> deep(random, 2 + random.nextInt(500));
        };
    }

    private static JsonNode deep(Random random, int depth) {
        JsonNode node = NODES.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            node = random.nextBoolean() ? NODES.arrayNode().add(node) : NODES.objectNode().set("a", node);
        }
        return node;
    }

    private static byte[] badUtf8(Random random, byte[] bytes) {
        byte[] out = bytes.clone();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("density");
        int where = at >= 0 ? at : random.nextInt(out.length);
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {0}};
        byte[] b = bad[random.nextInt(bad.length)];
        System.arraycopy(b, 0, out, where, Math.min(b.length, out.length - where));
        return out;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

}
