package io.groundgate.upstream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.buffer.Buffer;

/**
 * Counts tokens in and out per model and route ({@code groundgate.tokens}). On the passthrough path it reads only the
 * {@code usage} object at the end of a body or in a stream's usage chunk, never the whole response.
 */
@ApplicationScoped
public class TokenMeter {

    private static final byte[] USAGE = "\"usage\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final MeterRegistry meters;
    private final ObjectMapper mapper;

    public TokenMeter(MeterRegistry meters, ObjectMapper mapper) {
        this.meters = meters;
        this.mapper = mapper;
    }

    public void count(String model, String route, long in, long out) {
        if (in > 0) {
            meters.counter("groundgate.tokens", "direction", "in", "model", model, "route", route).increment(in);
        }
        if (out > 0) {
            meters.counter("groundgate.tokens", "direction", "out", "model", model, "route", route).increment(out);
        }
    }

    /** Counts the usage found in a relayed body or stream chunk, if any; cheap when there is none. */
    public void countRelayed(String model, Buffer data) {
        int at = lastIndexOf(data, USAGE);
        if (at < 0) {
            return;
        }
        int start = indexOf(data, (byte) '{', at + USAGE.length);
        int end = start < 0 ? -1 : matchingBrace(data, start);
        if (end < 0) {
            return;
        }
        try {
            JsonNode usage = mapper.readTree(data.getBytes(start, end + 1));
            // chat completions say prompt/completion tokens; the Responses API says input/output tokens
            count(model, "passthrough", usage.path("prompt_tokens").asLong(usage.path("input_tokens").asLong()),
                    usage.path("completion_tokens").asLong(usage.path("output_tokens").asLong()));
        } catch (Exception e) {
            // a usage object with nested details, or none at all: nothing to count here
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
