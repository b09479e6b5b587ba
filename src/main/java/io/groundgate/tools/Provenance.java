package io.groundgate.tools;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a tool call computed or queried, so that an answer can be traced.
 *
 * @param tool the tool's name
 * @param arguments the arguments it ran with
 * @param query the SPARQL text or the calculator expression actually evaluated, if any
 * @param graphVersion the knowledge graph version queried, if any
 * @param facts the graph facts the result rests on
 * @param sources the cited sources of those facts (e.g. {@code dcterms:source} URLs)
 * @param durationMs how long the call took
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Provenance(String tool, JsonNode arguments, String query,
        @JsonProperty("graph_version") String graphVersion, List<Fact> facts, List<String> sources,
        @JsonProperty("duration_ms") double durationMs) {

    public Provenance {
        facts = facts == null ? List.of() : List.copyOf(facts);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** Provenance of a call to {@code tool} with {@code arguments}, nothing computed yet. */
    public static Provenance of(String tool, JsonNode arguments) {
        return new Provenance(tool, arguments, null, null, List.of(), List.of(), 0);
    }

    /** A copy with the query (SPARQL text, normalised expression) that was actually run. */
    public Provenance withQuery(String newQuery) {
        return new Provenance(tool, arguments, newQuery, graphVersion, facts, sources, durationMs);
    }

    /** A copy with the measured duration. */
    public Provenance withDuration(double newDurationMs) {
        return new Provenance(tool, arguments, query, graphVersion, facts, sources, newDurationMs);
    }

    /** A triple the result rests on; {@code object} is an IRI or a literal in Turtle form. */
    public record Fact(String subject, String predicate, String object) {
    }
}
