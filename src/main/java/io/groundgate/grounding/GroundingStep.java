package io.groundgate.grounding;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import io.groundgate.tools.Provenance;
import io.groundgate.tools.ToolError;
import io.groundgate.tools.ToolResult;

/**
 * One tool call in an answer's provenance.
 *
 * @param round the tool-loop round (1-based; 0 for context gathered before the model was called)
 * @param callId the model's tool call id, when a model made the call
 * @param tool the tool name
 * @param arguments the arguments as called
 * @param ok whether the tool produced a result
 * @param result the result
 * @param error the structured error when not ok
 * @param query the SPARQL text or expression evaluated
 * @param graphVersion the knowledge graph version queried
 * @param facts IRIs and values of the graph facts used
 * @param sources cited sources of those facts
 * @param durationMs how long the tool took
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record GroundingStep(int round, @JsonProperty("call_id") String callId, String tool, JsonNode arguments, boolean ok,
        JsonNode result, ToolError error, String query, @JsonProperty("graph_version") String graphVersion,
        List<Provenance.Fact> facts, List<String> sources, @JsonProperty("duration_ms") double durationMs) {

    public static GroundingStep of(int round, String callId, String tool, JsonNode arguments, ToolResult result) {
        Provenance p = result.provenance();
        return new GroundingStep(round, callId, tool, arguments, result.ok(), result.result(), result.error(),
                p == null ? null : p.query(), p == null ? null : p.graphVersion(), p == null ? List.of() : p.facts(),
                p == null ? List.of() : p.sources(), p == null ? 0 : p.durationMs());
    }
}
