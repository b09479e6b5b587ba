package io.groundgate.grounding.local.conversation;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.chat.ChatMessage;
import io.groundgate.grounding.GroundingStep;

/**
 * The turns of a chat request as the resolver reads them: earlier user messages paired with the assistant replies that
 * followed, and the last user message. System, developer and tool messages play no part.
 *
 * @param earlier earlier exchanges, oldest first
 * @param last the last user message
 */
public record Conversation(List<Exchange> earlier, String last) {

    /** The tool name of the resolution step in {@code grounding.steps}. */
    public static final String STEP = "conversation";

    public Conversation {
        earlier = List.copyOf(earlier);
    }

    public static Conversation of(List<ChatMessage> messages) {
        int lastUser = -1;
        for (int i = messages.size() - 1; i >= 0 && lastUser < 0; i--) {
            if ("user".equals(messages.get(i).role())) {
                lastUser = i;
            }
        }
        if (lastUser < 0) {
            return new Conversation(List.of(), "");
        }
        List<Exchange> earlier = new ArrayList<>();
        String question = null;
        StringBuilder answer = new StringBuilder();
        for (int i = 0; i < lastUser; i++) {
            ChatMessage m = messages.get(i);
            if ("user".equals(m.role())) {
                if (question != null) {
                    earlier.add(new Exchange(question, answer.toString()));
                }
                question = m.text();
                answer.setLength(0);
            } else if ("assistant".equals(m.role()) && question != null) {
                answer.append(answer.isEmpty() ? "" : "\n").append(m.text());
            }
        }
        if (question != null) {
            earlier.add(new Exchange(question, answer.toString()));
        }
        return new Conversation(earlier, messages.get(lastUser).text());
    }

    /** The resolution as a grounding step: the message, the standalone question, and what each phrase stood for. */
    public static GroundingStep step(FollowUp.Resolved resolved, String graphVersion) {
        ObjectNode args = JsonNodeFactory.instance.objectNode().put("message", resolved.original());
        ObjectNode result = JsonNodeFactory.instance.objectNode().put("question", resolved.question())
                .put("text", resolved.describe());
        var list = result.putArray("resolved");
        for (FollowUp.Substitution s : resolved.substitutions()) {
            ObjectNode one = list.addObject().put("phrase", s.phrase()).put("replacement", s.replacement());
            var referents = one.putArray("referents");
            s.referents().forEach(r -> referents.addObject().put("iri", r.iri()).put("name", r.name()));
        }
        return new GroundingStep(0, null, STEP, args, true, result, null, null, graphVersion, List.of(), List.of(), 0);
    }
}
