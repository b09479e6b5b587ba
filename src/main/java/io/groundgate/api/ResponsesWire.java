package io.groundgate.api;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.chat.ChatCompletion;
import io.groundgate.chat.ChatCompletionChunk;
import io.groundgate.chat.GatewayException;
import io.groundgate.chat.Sink;
import io.groundgate.responses.ResponseDraft;
import io.groundgate.responses.ResponseEvents;
import io.groundgate.responses.ResponsesRequest;
import io.groundgate.responses.ResponsesService;
import io.groundgate.responses.ResponsesTranslator;
import io.vertx.core.buffer.Buffer;

/**
 * The Responses API on the wire: a {@code response} object, or named Server-Sent Events ({@code event: <type>}) with no
 * {@code [DONE]} marker. The answered conversation is remembered for {@code previous_response_id}.
 */
final class ResponsesWire implements AnswerWire {

    private final ObjectMapper mapper;
    private final ResponsesService responses;
    private final ResponsesRequest request;
    private final ResponsesTranslator.Translated translated;
    private final String owner;
    private final ResponseDraft draft;
    private ResponseEvents events;

    ResponsesWire(ObjectMapper mapper, ResponsesService responses, ResponsesRequest request,
            ResponsesTranslator.Translated translated, String owner) {
        this.mapper = mapper;
        this.responses = responses;
        this.request = request;
        this.translated = translated;
        this.owner = owner;
        this.draft = new ResponseDraft(request);
    }

    @Override
    public Object whole(ChatCompletion completion) {
        ObjectNode response = draft.whole(completion);
        List<ObjectNode> output = new ArrayList<>();
        response.withArray("output").forEach(item -> output.add((ObjectNode) item));
        responses.remember(draft, request, translated, owner, output);
        return response;
    }

    @Override
    public Sink<ChatCompletionChunk> sink(Sink<Buffer> out) {
        events = new ResponseEvents(draft, out.mapping(this::named),
                output -> responses.remember(draft, request, translated, owner, output));
        return events;
    }

    @Override
    public Buffer end() {
        return Buffer.buffer();
    }

    @Override
    public Buffer failure(GatewayException error) {
        return named(events.error(error));
    }

    private Buffer named(ObjectNode event) {
        try {
            byte[] json = mapper.writeValueAsBytes(event);
            return Buffer.buffer(json.length + 64).appendString("event: ").appendString(event.path("type").asText())
                    .appendString("\ndata: ").appendBytes(json).appendString("\n\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an event", e);
        }
    }
}
