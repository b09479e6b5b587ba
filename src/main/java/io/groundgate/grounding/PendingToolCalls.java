package io.groundgate.grounding;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;

import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;

/**
 * The gateway half of a model response that called gateway and client tools at once. The client sees only its own
 * calls; when it continues with their results, {@link #splice} puts the whole assistant message and the gateway's
 * results back, so the upstream sees every call answered. Client calls of such a response get ids marked with
 * {@link #PREFIX}, so an expired entry is recognised and refused instead of silently sending an invalid conversation.
 * Bounded in entries and time; held in memory, so a restart or another replica forgets it (the same clear 400).
 */
@ApplicationScoped
public class PendingToolCalls {

    static final String PREFIX = "call_gg";
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** The full assistant message (client calls under their new ids) and the gateway's results by call id. */
    private record Held(AiMessage message, Map<String, ToolExecutionResultMessage> gatewayResults, long expiresAtNanos) {
    }

    private final GroundingConfig config;
    private final SecureRandom random = new SecureRandom();
    private final LinkedHashMap<String, Held> byClientCallId = new LinkedHashMap<>();

    public PendingToolCalls(GroundingConfig config) {
        this.config = config;
    }

    /**
     * Holds the gateway half of {@code message} and returns the client's calls, under the ids the client will see.
     *
     * @param gatewayResults one result per gateway call of {@code message}
     */
    public List<ToolExecutionRequest> hold(AiMessage message, Set<String> clientTools,
            List<ToolExecutionResultMessage> gatewayResults) {
        List<ToolExecutionRequest> all = new ArrayList<>();
        List<ToolExecutionRequest> forClient = new ArrayList<>();
        for (ToolExecutionRequest request : message.toolExecutionRequests()) {
            if (clientTools.contains(request.name())) {
                request = ToolExecutionRequest.builder().id(newId()).name(request.name()).arguments(request.arguments())
                        .build();
                forClient.add(request);
            }
            all.add(request);
        }
        Map<String, ToolExecutionResultMessage> results = new LinkedHashMap<>();
        gatewayResults.forEach(r -> results.put(r.id(), r));
        AiMessage full = message.text() == null ? AiMessage.from(all) : AiMessage.from(message.text(), all);
        Held held = new Held(full, results, System.nanoTime() + config.pendingToolCallsTtl().toNanos());
        synchronized (byClientCallId) {
            purgeExpired();
            forClient.forEach(call -> byClientCallId.put(call.id(), held));
            Iterator<String> oldest = byClientCallId.keySet().iterator();
            while (byClientCallId.size() > config.pendingToolCallsMax() && oldest.hasNext()) {
                oldest.next();
                oldest.remove();
            }
        }
        return forClient;
    }

    /**
     * The conversation with every held assistant message restored: all its calls, then one result per call id in the
     * order of the calls (the gateway's from the store, the client's from the conversation).
     */
    public List<ChatMessage> splice(List<ChatMessage> conversation) {
        List<ChatMessage> out = new ArrayList<>(conversation.size());
        for (int i = 0; i < conversation.size(); i++) {
            Held held = conversation.get(i) instanceof AiMessage ai ? heldFor(ai) : null;
            if (held == null) {
                out.add(conversation.get(i));
                continue;
            }
            Map<String, ToolExecutionResultMessage> clientResults = new LinkedHashMap<>();
            while (i + 1 < conversation.size() && conversation.get(i + 1) instanceof ToolExecutionResultMessage result) {
                clientResults.put(result.id(), result);
                i++;
            }
            out.add(held.message());
            for (ToolExecutionRequest call : held.message().toolExecutionRequests()) {
                ToolExecutionResultMessage result = held.gatewayResults().containsKey(call.id())
                        ? held.gatewayResults().get(call.id()) : clientResults.remove(call.id());
                if (result != null) {
                    out.add(result);
                }
            }
            out.addAll(clientResults.values());
        }
        return out;
    }

    /** The held entry an assistant message's marked calls belong to, null if it has none; a 400 once it expired. */
    private Held heldFor(AiMessage ai) {
        if (!ai.hasToolExecutionRequests()) {
            return null;
        }
        for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
            if (call.id() != null && call.id().startsWith(PREFIX)) {
                Held held;
                synchronized (byClientCallId) {
                    held = byClientCallId.get(call.id());
                }
                if (held == null || held.expiresAtNanos() - System.nanoTime() < 0) {
                    throw new GatewayException(ErrorKind.INVALID_REQUEST, "The tool call '" + call.id() + "' was made "
                            + "together with gateway tool calls whose results the gateway no longer holds (they are kept "
                            + "for groundgate.grounding.pending-tool-calls-ttl). Ask the question again to start a new "
                            + "tool round.", "messages", "tool_calls_expired");
                }
                return held;
            }
        }
        return null;
    }

    private void purgeExpired() {
        long now = System.nanoTime();
        byClientCallId.values().removeIf(held -> held.expiresAtNanos() - now < 0);
    }

    private String newId() {
        StringBuilder id = new StringBuilder(PREFIX);
        for (int i = 0; i < 24; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
