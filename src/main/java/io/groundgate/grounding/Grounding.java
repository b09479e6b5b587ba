package io.groundgate.grounding;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The top-level {@code grounding} object of a grounded response: what the answer rests on. SDKs that do not know the
 * field ignore it.
 *
 * @param route {@code grounded}, {@code grounded-context} or {@code local}
 * @param graphVersion the knowledge graph version the answer was grounded in
 * @param rounds upstream model rounds used (0 for the local planner)
 * @param steps every tool call, in order
 * @param sources the distinct sources the answer cites
 * @param unresolved what could not be grounded or finished, in words
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Grounding(String route, @JsonProperty("graph_version") String graphVersion, int rounds,
        List<GroundingStep> steps, List<String> sources, List<String> unresolved) {
}
