package io.groundgate.tools.kg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/**
 * Reads tool arguments defensively: the registry validates against the schema, but a tool must still answer a bad
 * argument with a failure a model can act on, never with an exception.
 */
final class Args {

    /** An argument that does not fit the schema. */
    static final class Invalid extends RuntimeException {
        final String where;

        Invalid(String where, String message) {
            super(message, null, false, false);
            this.where = where;
        }
    }

    private Args() {
    }

    static String requiredText(ObjectNode args, String name) {
        JsonNode value = args == null ? null : args.get(name);
        if (value == null || value.isNull()) {
            throw new Invalid("/" + name, "'" + name + "' is required.");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new Invalid("/" + name, "'" + name + "' must be a non-empty string.");
        }
        return value.asText();
    }

    static String optionalText(ObjectNode args, String name) {
        JsonNode value = args == null ? null : args.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new Invalid("/" + name, "'" + name + "' must be a string.");
        }
        return value.asText().isBlank() ? null : value.asText();
    }

    static int optionalInt(ObjectNode args, String name, int fallback, int min, int max) {
        JsonNode value = args == null ? null : args.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() && !(value.isNumber() && value.asDouble() == Math.rint(value.asDouble()))) {
            throw new Invalid("/" + name, "'" + name + "' must be an integer from " + min + " to " + max + ".");
        }
        if (!value.canConvertToLong() || value.asLong() < min || value.asLong() > max) {
            throw new Invalid("/" + name, "'" + name + "' must be from " + min + " to " + max + "; got " + value + ".");
        }
        return value.asInt();
    }

    static void noOthers(ObjectNode args, Set<String> allowed) {
        if (args == null) {
            return;
        }
        args.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                throw new Invalid("/" + f, "Unknown argument '" + f + "'; this tool takes " + String.join(", ",
                        allowed.stream().sorted().toList()) + ".");
            }
        });
    }
}
