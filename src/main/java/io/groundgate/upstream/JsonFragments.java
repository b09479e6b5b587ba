package io.groundgate.upstream;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.openai.internal.OpenAiUtils;

import io.vertx.core.buffer.Buffer;

/**
 * JSON written once and spliced into the request bodies LangChain4j writes: the parts of a grounded request that are the
 * same round after round and request after request (the system prompt with the graph's schema, the tool array).
 *
 * <p>LangChain4j's OpenAI client turns its whole request into JSON on every call, and offers no hook into that writer.
 * It stays the client; the splice goes through its documented extension points: a fragment is handed to LangChain4j as
 * a placeholder string (a message's text, or a custom parameter's value), LangChain4j writes it as a plain JSON string,
 * and the gateway's {@link dev.langchain4j.http.client.HttpClient} ({@link UpstreamHttpClient}, installed with
 * {@code httpClientBuilder}) replaces the quoted placeholder with the fragment's bytes as it encodes the body. The
 * prompt is thus escaped and encoded once per graph version instead of once per round.
 *
 * <p>Placeholders carry a random mark drawn when the gateway starts, so no text a client sends can name one. A fragment
 * lives exactly as long as its placeholder string is referenced (a weak map keyed by that very string): a request that
 * began before a graph or tool reload still finds the fragment it was built with, and old versions go with the garbage.
 */
@ApplicationScoped
public class JsonFragments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String mark;
    private final String quotedMark;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong spliced = new AtomicLong();
    private final Map<String, byte[]> live = Collections.synchronizedMap(new WeakHashMap<>());

    public JsonFragments() {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.mark = "gg-json-" + HexFormat.of().formatHex(random) + "-";
        this.quotedMark = '"' + mark;
    }

    /**
     * A placeholder for a complete JSON value, to give LangChain4j where that value goes. Keep the returned string (not
     * a copy of it) for as long as requests may carry it.
     */
    public String placeholder(String json) {
        String token = mark + next.incrementAndGet();
        live.put(token, json.getBytes(StandardCharsets.UTF_8));
        return token;
    }

    /** A placeholder for a text, sent as that text's JSON string (quoted and escaped here, once). */
    public String textPlaceholder(String text) {
        return placeholder(write(text));
    }

    /**
     * The elements of an OpenAI chat-completions {@code tools} array for these specifications, written with
     * LangChain4j's own conversion (the one its request writer applies), without the brackets, so that two lists can be
     * joined.
     */
    public static String toolElements(List<ToolSpecification> specs) {
        String array = write(OpenAiUtils.toTools(specs, false));
        return array.substring(1, array.length() - 1);
    }

    /** The body as UTF-8, each quoted placeholder replaced by its fragment. */
    public Buffer encode(String body) {
        int at = body.indexOf(quotedMark);
        if (at < 0) {
            return Buffer.buffer(body);
        }
        Buffer out = Buffer.buffer(body.length() + 16 * 1024);
        int from = 0;
        while (at >= 0) {
            int end = body.indexOf('"', at + 1);
            if (end < 0) {
                break;
            }
            byte[] fragment = live.get(body.substring(at + 1, end));
            if (fragment == null) {
                // a mark cannot be guessed, so this is a placeholder whose owner dropped it too early: a bug, and
                // better an error here than the placeholder's text in front of the model
                throw new IllegalStateException("A JSON fragment was released while a request still used it.");
            }
            out.appendString(body.substring(from, at), "UTF-8").appendBytes(fragment);
            spliced.incrementAndGet();
            from = end + 1;
            at = body.indexOf(quotedMark, from);
        }
        return out.appendString(body.substring(from), "UTF-8");
    }

    /** How many fragments have been spliced into request bodies since start (for tests and diagnostics). */
    public long spliced() {
        return spliced.get();
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
