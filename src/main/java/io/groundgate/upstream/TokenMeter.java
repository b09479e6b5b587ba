package io.groundgate.upstream;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.groundgate.chat.Usage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.buffer.Buffer;

/**
 * Counts tokens in and out per model and route ({@code groundgate.tokens}). On the passthrough path it reads only the
 * {@code usage} object at the end of a body or in a stream's usage chunk, never the whole response.
 */
@ApplicationScoped
public class TokenMeter {

    private static final byte[] USAGE = "\"usage\"".getBytes(StandardCharsets.US_ASCII);

    private final MeterRegistry meters;
    private final ObjectMapper mapper;
    private final Map<CounterKey, Counter> counters = new ConcurrentHashMap<>();

    public TokenMeter(MeterRegistry meters, ObjectMapper mapper) {
        this.meters = meters;
        this.mapper = mapper;
    }

    public void count(String model, String route, long in, long out) {
        if (in > 0) {
            counter("in", model, route).increment(in);
        }
        if (out > 0) {
            counter("out", model, route).increment(out);
        }
    }

    // looked up once per (direction, model, route): building and registering a meter per request showed in profiles
    private Counter counter(String direction, String model, String route) {
        return counters.computeIfAbsent(new CounterKey(direction, model, route), key -> Counter.builder("groundgate.tokens")
                .tags("direction", direction, "model", model, "route", route)
                .description("Tokens in (prompt) and out (completion) by model and route").register(meters));
    }

    private record CounterKey(String direction, String model, String route) {
    }

    /**
     * Counts the usage found in a relayed body or stream chunk, if any; cheap when there is none.
     *
     * @return the usage counted, or null when there was none
     */
    public Usage countRelayed(String model, Buffer data) {
        int at = lastIndexOf(data, USAGE);
        if (at < 0) {
            return null;
        }
        int start = indexOf(data, (byte) '{', at + USAGE.length);
        int end = start < 0 ? -1 : matchingBrace(data, start);
        if (end < 0) {
            return null;
        }
        try {
            JsonNode usage = mapper.readTree(data.getBytes(start, end + 1));
            // chat completions say prompt/completion tokens; the Responses API says input/output tokens
            long in = usage.path("prompt_tokens").asLong(usage.path("input_tokens").asLong());
            long out = usage.path("completion_tokens").asLong(usage.path("output_tokens").asLong());
            count(model, "passthrough", in, out);
            return new Usage(in, out, usage.path("total_tokens").asLong(in + out));
        } catch (Exception e) {
            // a usage object with nested details, or none at all: nothing to count here
            return null;
        }
    }

    private static int lastIndexOf(Buffer data, byte[] needle) {
        outer:
        for (int i = data.length() - needle.length; i >= 0; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (data.getByte(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The brace closing the object opened at {@code start} (usage objects hold no strings with braces). */
    private static int matchingBrace(Buffer data, int start) {
        int depth = 0;
        for (int i = start; i < data.length(); i++) {
            byte b = data.getByte(i);
            if (b == '{') {
                depth++;
            } else if (b == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(Buffer data, byte b, int from) {
        for (int i = Math.max(0, from); i < data.length(); i++) {
            if (data.getByte(i) == b) {
                return i;
            }
        }
        return -1;
    }
}
