package io.groundgate.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.groundgate.chat.GatewayException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/** Writes a {@link GatewayException} as an OpenAI error, on a JAX-RS response or straight onto Vert.x. */
public final class ErrorResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorResponses() {
    }

    public static Response toResponse(GatewayException e) {
        Response.ResponseBuilder builder = Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(OpenAiError.of(e));
        e.headers().forEach(builder::header);
        return builder.build();
    }

    public static void write(HttpServerResponse response, GatewayException e) {
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(e.status()).putHeader("Content-Type", "application/json");
        e.headers().forEach(response::putHeader);
        response.end(Buffer.buffer(json(e)));
    }

    public static byte[] json(GatewayException e) {
        try {
            return JSON.writeValueAsBytes(OpenAiError.of(e));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
