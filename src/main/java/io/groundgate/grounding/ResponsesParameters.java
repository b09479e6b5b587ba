package io.groundgate.grounding;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.ToolChoice;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiResponsesChatRequestParameters;

import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;
import io.groundgate.tools.LangChain4jSchemas;

/**
 * A round's parameters for an upstream called through the Responses API ({@code groundgate.upstreams.<n>.api=responses}).
 * What that API has an equivalent for is carried over (a named {@code tool_choice} becomes "only that function,
 * required"; {@code response_format} becomes {@code text.format}); what it cannot carry ({@code stop}, {@code seed},
 * penalties, unknown fields) is refused with a 400 naming the parameter, before any upstream is called, rather than
 * silently dropped. The upstream is called statelessly ({@code store: false}, the whole conversation each round).
 */
final class ResponsesParameters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResponsesParameters() {
    }

    static OpenAiResponsesChatRequestParameters from(OpenAiChatRequestParameters chat) {
        refuseIf(chat.seed() != null, "seed");
        refuseIf(chat.stopSequences() != null && !chat.stopSequences().isEmpty(), "stop");
        refuseIf(chat.presencePenalty() != null, "presence_penalty");
        refuseIf(chat.frequencyPenalty() != null, "frequency_penalty");
        List<ToolSpecification> tools = chat.toolSpecifications();
        ToolChoice toolChoice = chat.toolChoice();
        ResponseFormat format = null;
        boolean strictSchema = false;
        for (Map.Entry<String, Object> custom : chat.customParameters().entrySet()) {
            JsonNode value = JSON.valueToTree(custom.getValue());
            switch (custom.getKey()) {
                case "tool_choice" -> {
                    // OpenAI's named choice forces that function: offering it alone, required, asks the same
                    String name = value.path("function").path("name").asText(value.path("name").asText(""));
                    tools = tools.stream().filter(t -> t.name().equals(name)).toList();
                    if (tools.isEmpty()) {
                        throw GatewayException.invalid("tool_choice names the function '" + name
                                + "', which is not among the tools.", "tool_choice");
                    }
                    toolChoice = ToolChoice.REQUIRED;
                }
                case "response_format" -> {
                    format = format(value);
                    strictSchema = value.path("json_schema").path("strict").asBoolean(false);
                }
                default -> refuseIf(true, custom.getKey());
            }
        }
        Integer maxOutput = chat.maxOutputTokens() != null ? chat.maxOutputTokens() : chat.maxCompletionTokens();
        return OpenAiResponsesChatRequestParameters.builder()
                .modelName(chat.modelName())
                .temperature(chat.temperature())
                .topP(chat.topP())
                .maxOutputTokens(maxOutput)
                .toolSpecifications(tools)
                .toolChoice(tools == null || tools.isEmpty() ? null : toolChoice)
                .responseFormat(format)
                .strictJsonSchema(strictSchema ? Boolean.TRUE : null)
                .parallelToolCalls(chat.parallelToolCalls())
                .reasoningEffort(chat.reasoningEffort())
                // the Responses API replaced `user` with safety_identifier; metadata only matters to a stored response
                .safetyIdentifier(chat.user())
                .store(false)
                .build();
    }

    private static ResponseFormat format(JsonNode value) {
        String type = value.path("type").asText("");
        return switch (type) {
            case "text" -> ResponseFormat.TEXT;
            case "json_object" -> ResponseFormat.JSON;
            case "json_schema" -> {
                JsonNode schema = value.path("json_schema");
                yield ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(JsonSchema.builder()
                        .name(schema.path("name").asText("response"))
                        .rootElement(LangChain4jSchemas.objectSchema(schema.path("schema") instanceof ObjectNode o ? o
                                : JSON.createObjectNode()))
                        .build()).build();
            }
            default -> throw GatewayException.invalid("response_format.type must be 'text', 'json_object' or "
                    + "'json_schema'.", "response_format.type");
        };
    }

    private static void refuseIf(boolean present, String param) {
        if (present) {
            throw new GatewayException(ErrorKind.INVALID_REQUEST, 400, "The upstream of this grounded route is called "
                    + "through the Responses API, which has no '" + param + "' parameter; leave it out.", param,
                    "unsupported_parameter", Map.of());
        }
    }
}
