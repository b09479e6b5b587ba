package io.groundgate.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.groundgate.chat.GatewayException;

/**
 * OpenAI's error body: {@code {"error":{"message","type","param","code"}}}; param and code are null when unknown. The
 * message goes through {@link ClientText#scrub}, so no Java class name reaches a client.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OpenAiError(Detail error) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Detail(String message, String type, String param, String code) {
    }

    public static OpenAiError of(GatewayException e) {
        return new OpenAiError(new Detail(ClientText.scrub(e.getMessage()), e.kind().type(), e.param(), e.code()));
    }
}
