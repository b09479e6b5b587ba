package io.groundgate.tools;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The outcome of one tool call: a JSON result, or a structured error, always with provenance.
 *
 * @param ok whether the tool produced a result
 * @param result the result (null when not ok)
 * @param error what went wrong (null when ok)
 * @param provenance what was computed or queried
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolResult(boolean ok, JsonNode result, ToolError error, Provenance provenance) {

    public static ToolResult success(JsonNode result, Provenance provenance) {
        return new ToolResult(true, result, null, provenance);
    }

    public static ToolResult failure(ToolError error, Provenance provenance) {
        return new ToolResult(false, null, error, provenance);
    }
}
