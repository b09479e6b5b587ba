package io.groundgate.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.routing.ModelRoute;

/**
 * One chat completion request as the core sees it.
 *
 * @param request the validated fields GroundGate interprets
 * @param body the request's fields that {@code request} does not model (seed, user, vendor extensions...), as sent
 * @param route where the model id led
 * @param requestId the id echoed in {@code x-request-id} and the logs
 * @param upstreamTime where the engine adds the time it waits on upstream models
 */
public record ChatTurn(ChatCompletionRequest request, ObjectNode body, ModelRoute route, String requestId,
        UpstreamTime upstreamTime) {

    public ChatTurn(ChatCompletionRequest request, ObjectNode body, ModelRoute route, String requestId) {
        this(request, body, route, requestId, new UpstreamTime());
    }
}
