package io.groundgate.responses;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.chat.ChatMessage;
import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;

/**
 * Prepares Responses API requests for the engines (translation, {@code previous_response_id}) and remembers answered
 * conversations so that a later request can continue them.
 */
@ApplicationScoped
public class ResponsesService {

    private final ResponseStore store;

    public ResponsesService(ResponseStore store) {
        this.store = store;
    }

    /** The request in chat form for the gateway's own routes, continuing its previous response if it names one. */
    public ResponsesTranslator.Translated prepare(ResponsesRequest request, String owner) {
        List<ChatMessage> previous = List.of();
        String previousId = request.previousResponseId();
        if (previousId != null) {
            if (!store.enabled()) {
                throw new GatewayException(ErrorKind.INVALID_REQUEST, "previous_response_id is not supported here: the "
                        + "gateway keeps no responses (groundgate.responses.store-max-entries=0). Send the whole "
                        + "conversation as input instead.", "previous_response_id", "previous_response_not_supported");
            }
            previous = store.conversation(previousId, owner).orElseThrow(() -> new GatewayException(
                    ErrorKind.INVALID_REQUEST, "Previous response with id '" + previousId + "' not found; responses are "
                            + "kept for a limited time (groundgate.responses.store-ttl). Send the whole conversation as "
                            + "input instead.", "previous_response_id", "previous_response_not_found"));
        }
        return ResponsesTranslator.translate(request, previous, true);
    }

    /** Keeps the conversation of an answered response, unless the client asked for {@code store: false}. */
    public void remember(ResponseDraft draft, ResponsesRequest request, ResponsesTranslator.Translated translated,
            String owner, List<ObjectNode> output) {
        if (request.stored() && store.enabled()) {
            List<ChatMessage> conversation = new ArrayList<>(translated.conversation());
            conversation.add(ResponseDraft.assistantMessage(output));
            store.put(draft.id(), owner, conversation);
        }
    }
}
