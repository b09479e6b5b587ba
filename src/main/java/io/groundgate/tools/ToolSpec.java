package io.groundgate.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a tool is and what it takes.
 *
 * @param name unique, {@code [a-zA-Z0-9_-]{1,64}} as OpenAI requires
 * @param description what it does and when to use it, written for a model
 * @param parameters JSON Schema of the arguments: an object schema with explicit {@code required}
 */
public record ToolSpec(String name, String description, ObjectNode parameters) {
}
