package io.groundgate.responses;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The fields of an OpenAI Responses API request ({@code POST /v1/responses}) that GroundGate reads. On the passthrough
 * route the original bytes travel on untouched; on the other routes {@link ResponsesTranslator} maps these onto a chat
 * completion request, whose validation applies.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ResponsesRequest(
        String model,
        JsonNode input,
        String instructions,
        List<JsonNode> tools,
        JsonNode toolChoice,
        Boolean stream,
        String previousResponseId,
        Boolean store,
        Integer maxOutputTokens,
        Double temperature,
        Double topP,
        Boolean parallelToolCalls,
        JsonNode text,
        String user,
        JsonNode metadata) {

    public boolean streaming() {
        return Boolean.TRUE.equals(stream);
    }

    /** OpenAI stores responses unless told not to. */
    public boolean stored() {
        return !Boolean.FALSE.equals(store);
    }

    public List<JsonNode> toolsOrEmpty() {
        return tools == null ? List.of() : tools;
    }
}
