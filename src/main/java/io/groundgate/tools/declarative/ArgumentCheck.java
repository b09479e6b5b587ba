package io.groundgate.tools.declarative;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.tools.schema.JsonSchema;

/**
 * The arguments of a declarative tool: checked against its schema by the tool itself too (a tool must not rely on the
 * registry having done it), with the schema's defaults filled in.
 */
final class ArgumentCheck {

    private ArgumentCheck() {
    }

    static void check(JsonSchema schema, ObjectNode args) {
        schema.validate(args).ifPresent(v -> {
            throw new ToolFailure("invalid_arguments", v.message(), v.pointer());
        });
    }

    /** The arguments with the schema's defaults filled in for those left out. */
    static ObjectNode withDefaults(ObjectNode schema, ObjectNode args) {
        ObjectNode filled = args.deepCopy();
        schema.path("properties").fields().forEachRemaining(e -> {
            if (e.getValue().has("default") && (!filled.has(e.getKey()) || filled.get(e.getKey()).isNull())) {
                filled.set(e.getKey(), e.getValue().get("default"));
            }
        });
        return filled;
    }
}
