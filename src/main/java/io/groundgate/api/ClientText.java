package io.groundgate.api;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the gateway's insides out of what clients read: a fully qualified Java class name in an error message (from a
 * library's exception text) becomes the JSON type it stands for ({@code java.lang.Integer} → {@code integer}), anything
 * else Java-specific becomes {@code value}. Applied to every error body, whatever produced the message.
 */
public final class ClientText {

    private static final Pattern QUALIFIED = Pattern.compile(
            "`?\\b(?:java|javax|jakarta|com|org|io|dev|sun|jdk|net)\\.(?:[a-z_][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)"
                    + "(?:\\[\\])?`?");
    private static final Map<String, String> JSON_TYPES = Map.ofEntries(
            Map.entry("Integer", "integer"), Map.entry("Long", "integer"), Map.entry("Short", "integer"),
            Map.entry("BigInteger", "integer"), Map.entry("Byte", "integer"),
            Map.entry("Double", "number"), Map.entry("Float", "number"), Map.entry("BigDecimal", "number"),
            Map.entry("Number", "number"), Map.entry("Boolean", "boolean"), Map.entry("String", "string"),
            Map.entry("List", "array"), Map.entry("ArrayList", "array"), Map.entry("Collection", "array"),
            Map.entry("Set", "array"), Map.entry("ArrayNode", "array"), Map.entry("Map", "object"),
            Map.entry("LinkedHashMap", "object"), Map.entry("HashMap", "object"), Map.entry("ObjectNode", "object"));

    private ClientText() {
    }

    public static String scrub(String message) {
        if (message == null || message.indexOf('.') < 0) {
            return message;
        }
        Matcher m = QUALIFIED.matcher(message);
        if (!m.find()) {
            return message;
        }
        StringBuilder out = new StringBuilder();
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(JSON_TYPES.getOrDefault(m.group(1), "value")));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
