package io.groundgate.grounding;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;

import io.groundgate.chat.ChatCompletionRequest;
import io.groundgate.chat.ChatTurn;
import io.groundgate.chat.GatewayException;

/**
 * Carries the client's sampling parameters to each upstream round. Fields LangChain4j does not model (response_format,
 * vendor extensions) travel as custom parameters, untouched.
 */
final class RequestParameters {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Fields the gateway sets itself or maps to LangChain4j's typed parameters. */
    private static final Set<String> MANAGED = Set.of("model", "messages", "stream", "stream_options", "tools",
            "tool_choice", "temperature", "top_p", "n", "max_tokens", "max_completion_tokens", "seed", "user", "stop",
            "presence_penalty", "frequency_penalty", "logit_bias", "parallel_tool_calls", "metadata", "reasoning_effort",
            "store", "service_tier", "logprobs", "top_logprobs", "functions", "function_call");

    private RequestParameters() {
    }

    static OpenAiChatRequestParameters from(ChatTurn turn, String model, List<ToolSpecification> specs, boolean firstRound) {
        ChatCompletionRequest request = turn.request();
        ObjectNode body = turn.body();
        if (request.n() != null && request.n() > 1) {
            throw GatewayException.invalid("The grounded route answers with one choice; n must be 1.", "n");
        }
        OpenAiChatRequestParameters.Builder p = OpenAiChatRequestParameters.builder()
                .modelName(model)
                .temperature(request.temperature())
                .topP(request.topP())
                .maxOutputTokens(request.maxTokens())
                .maxCompletionTokens(request.maxCompletionTokens())
                .toolSpecifications(specs);
        if (body.path("seed").isIntegralNumber()) {
            p.seed(body.get("seed").asInt());
        }
        if (body.path("user").isTextual()) {
            p.user(body.get("user").asText());
        }
        if (body.path("presence_penalty").isNumber()) {
            p.presencePenalty(body.get("presence_penalty").asDouble());
        }
        if (body.path("frequency_penalty").isNumber()) {
            p.frequencyPenalty(body.get("frequency_penalty").asDouble());
        }
        if (body.path("reasoning_effort").isTextual()) {
            p.reasoningEffort(body.get("reasoning_effort").asText());
        }
        if (body.path("parallel_tool_calls").isBoolean()) {
            p.parallelToolCalls(body.get("parallel_tool_calls").asBoolean());
        }
        JsonNode stop = body.path("stop");
        if (stop.isTextual()) {
            p.stopSequences(stop.asText());
        } else if (stop.isArray()) {
            List<String> sequences = new ArrayList<>();
            stop.forEach(s -> sequences.add(s.asText()));
            p.stopSequences(sequences);
        }
        if (body.path("metadata").isObject()) {
            Map<String, String> metadata = new LinkedHashMap<>();
            body.get("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
            p.metadata(metadata);
        }
        Map<String, Object> custom = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!MANAGED.contains(field.getKey())) {
                custom.put(field.getKey(), JSON.convertValue(field.getValue(), Object.class));
            }
        }
        JsonNode toolChoice = request.toolChoice() == null ? body.path("tool_choice") : request.toolChoice();
        if (firstRound && toolChoice.isTextual()) {
            switch (toolChoice.asText()) {
                case "required" -> p.toolChoice(ToolChoice.REQUIRED);
                case "none" -> p.toolChoice(ToolChoice.NONE);
                default -> p.toolChoice(ToolChoice.AUTO);
            }
        } else if (firstRound && toolChoice.isObject()) {
            custom.put("tool_choice", JSON.convertValue(toolChoice, Object.class)); // a named function: pass it on as is
        }
        if (!custom.isEmpty()) {
            p.customParameters(custom);
        }
        return p.build();
    }

    /**
     * The same parameters with the tools sent as pre-written JSON (a {@link io.groundgate.upstream.JsonFragments}
     * placeholder in the {@code tools} custom parameter) instead of typed specifications that LangChain4j would convert
     * and write again on every call; {@code typed} itself is left as it is.
     */
    static OpenAiChatRequestParameters withToolsJson(OpenAiChatRequestParameters typed, String toolsPlaceholder) {
        if (toolsPlaceholder == null) {
            return typed;
        }
        Map<String, Object> custom = new LinkedHashMap<>(typed.customParameters() == null ? Map.of()
                : typed.customParameters());
        custom.put("tools", toolsPlaceholder);
        return OpenAiChatRequestParameters.builder().overrideWith(typed).toolSpecifications(List.of())
                .customParameters(custom).build();
    }
}
