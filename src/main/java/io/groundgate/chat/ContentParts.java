package io.groundgate.chat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The content parts OpenAI's chat API defines, which roles may send which, and the fields each needs. Checked for every
 * route alike, so a malformed part is the same 400 whether the request is relayed, grounded or answered locally.
 */
final class ContentParts {

    /** Part type → the object field holding its payload and, within it, the string fields it must carry. */
    private static final Map<String, Shape> SHAPES = Map.of(
            "text", new Shape(null, List.of("text")),
            "image_url", new Shape("image_url", List.of("url")),
            "input_audio", new Shape("input_audio", List.of("data", "format")),
            "file", new Shape("file", List.of()),
            "refusal", new Shape(null, List.of("refusal")));

    private static final Map<String, List<String>> BY_ROLE = Map.of(
            "system", List.of("text"),
            "developer", List.of("text"),
            "user", List.of("text", "image_url", "input_audio", "file"),
            "assistant", List.of("text", "refusal"),
            "tool", List.of("text"));

    private record Shape(String object, List<String> strings) {
    }

    private ContentParts() {
    }

    /** What is wrong with one content part of a message of {@code role}, in the client's terms; null when it is fine. */
    static String problem(String role, JsonNode part) {
        if (!part.isObject() || !part.path("type").isTextual()) {
            return "each content part must be an object with a string 'type'";
        }
        String type = part.get("type").asText();
        List<String> allowed = BY_ROLE.getOrDefault(role, List.of());
        if (!SHAPES.containsKey(type)) {
            return "unknown content part type '" + shorten(type) + "'; a '" + role + "' message accepts "
                    + String.join(", ", allowed);
        }
        if (!allowed.contains(type)) {
            return "a '" + role + "' message cannot carry '" + type + "' content parts; it accepts "
                    + String.join(", ", allowed);
        }
        Shape shape = SHAPES.get(type);
        JsonNode payload = shape.object() == null ? part : part.path(shape.object());
        if (shape.object() != null && !payload.isObject()) {
            return "a '" + type + "' content part needs an object '" + shape.object() + "'";
        }
        for (String field : shape.strings()) {
            if (!payload.path(field).isTextual()) {
                return "a '" + type + "' content part needs a string '" + field + "'";
            }
        }
        return null;
    }

    /** The sub-path of the field a problem is about, for {@code param}: {@code .text}, {@code .image_url.url}, or none. */
    static String field(JsonNode part) {
        String type = part.path("type").asText("");
        Shape shape = SHAPES.get(type);
        if (shape == null || !part.isObject()) {
            return "";
        }
        JsonNode payload = shape.object() == null ? part : part.path(shape.object());
        if (shape.object() != null && !payload.isObject()) {
            return "." + shape.object();
        }
        for (String field : shape.strings()) {
            if (!payload.path(field).isTextual()) {
                return (shape.object() == null ? "" : "." + shape.object()) + "." + field;
            }
        }
        return "";
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
