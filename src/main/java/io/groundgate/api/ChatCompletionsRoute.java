package io.groundgate.api;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.chat.ChatCompletionRequest;
import io.groundgate.chat.ChatEngine;
import io.groundgate.chat.ChatTurn;
import io.groundgate.routing.ModelRoute;
import io.groundgate.routing.ModelRouter;
import io.groundgate.routing.RouteKind;
import io.groundgate.security.AccessPolicy;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /v1/chat/completions}. A Vert.x route rather than a JAX-RS resource so that passthrough can relay the
 * upstream's bytes, streamed or not, without re-serialising them: it parses and validates the request, picks the route
 * by model id, then relays (passthrough) or hands the turn to a {@link ChatEngine} on a worker thread.
 */
@ApplicationScoped
public class ChatCompletionsRoute {

    public static final String PATH = "/v1/chat/completions";

    private final ApiConfig config;
    private final ModelRouter router;
    private final Validator validator;
    private final PassthroughRelay relay;
    private final ObjectMapper mapper;
    private final ObjectReader requestReader;
    private final Map<RouteKind, ChatEngine> engines = new EnumMap<>(RouteKind.class);
    private final AccessPolicy access;

    public ChatCompletionsRoute(ApiConfig config, ModelRouter router, Validator validator, PassthroughRelay relay,
            ObjectMapper mapper, Instance<ChatEngine> engines, AccessPolicy access) {
        this.access = access;
        this.config = config;
        this.router = router;
        this.validator = validator;
        this.relay = relay;
        this.mapper = mapper;
        this.requestReader = mapper.readerFor(ChatCompletionRequest.class);
        engines.forEach(engine -> this.engines.put(engine.kind(), engine));
    }

    void register(@Observes Router vertxRouter) {
        JsonPost.register(vertxRouter, PATH, config, this::dispatch);
    }

    private void dispatch(RoutingContext ctx, Buffer body) {
        ChatCompletionRequest request = JsonPost.parse(requestReader, body);
        Set<ConstraintViolation<ChatCompletionRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw Validation.toGatewayException(violations);
        }
        access.requireModel(ctx, request.model()); // before resolving: a forbidden id must not reveal whether it exists
        ModelRoute route = router.resolve(request.model());
        RequestTiming.tagRoute(ctx, route.id(), route.kind().label());
        if (route.kind() == RouteKind.PASSTHROUGH) {
            relay.relay(ctx, route, "/chat/completions", request.streaming(), request.includeUsage(), body);
            return;
        }
        ChatEngine engine = JsonPost.engine(engines, route);
        // the fields the typed request does not model came with it from the same parse: the body is not read again
        ChatTurn turn = new ChatTurn(request, unmodelled(request), route, RequestTiming.requestId(ctx));
        new EngineResponder(ctx, engine, mapper, new ChatWire(mapper)).respond(turn);
    }

    /** The request's fields that its typed form does not model, as the nodes its one parse produced. */
    static ObjectNode unmodelled(ChatCompletionRequest request) {
        return new ObjectNode(JsonNodeFactory.instance, request.others());
    }
}
