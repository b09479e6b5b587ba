package io.groundgate.api;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.groundgate.chat.ChatCompletionRequest;
import io.groundgate.chat.ChatEngine;
import io.groundgate.chat.ChatTurn;
import io.groundgate.chat.GatewayException;
import io.groundgate.responses.ResponsesRequest;
import io.groundgate.responses.ResponsesService;
import io.groundgate.responses.ResponsesTranslator;
import io.groundgate.routing.ModelRoute;
import io.groundgate.routing.ModelRouter;
import io.groundgate.routing.RouteKind;
import io.groundgate.security.AccessPolicy;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /v1/responses}, OpenAI's Responses API, on every route: passthrough relays the bytes to the upstream's own
 * {@code /responses}; the grounded and local routes answer through the same engines as chat completions, the request
 * translated to chat form (and validated as chat completions are) and the answer written as a Responses object or event
 * stream.
 */
@ApplicationScoped
public class ResponsesRoute {

    public static final String PATH = "/v1/responses";

    private final ApiConfig config;
    private final ModelRouter router;
    private final Validator validator;
    private final PassthroughRelay relay;
    private final ObjectMapper mapper;
    private final ObjectReader requestReader;
    private final Map<RouteKind, ChatEngine> engines = new EnumMap<>(RouteKind.class);
    private final AccessPolicy access;
    private final ResponsesService responses;

    public ResponsesRoute(ApiConfig config, ModelRouter router, Validator validator, PassthroughRelay relay,
            ObjectMapper mapper, Instance<ChatEngine> engines, AccessPolicy access, ResponsesService responses) {
        this.config = config;
        this.router = router;
        this.validator = validator;
        this.relay = relay;
        this.mapper = mapper;
        this.requestReader = mapper.readerFor(ResponsesRequest.class);
        this.access = access;
        this.responses = responses;
        engines.forEach(engine -> this.engines.put(engine.kind(), engine));
    }

    void register(@Observes Router vertxRouter) {
        JsonPost.register(vertxRouter, PATH, config, this::dispatch);
    }

    private void dispatch(RoutingContext ctx, Buffer body) {
        ResponsesRequest request = JsonPost.parse(requestReader, body);
        // passthrough leaves hosted tools and item types the gateway cannot map to the upstream; the gateway's own
        // routes (known by the id's form alone, so nothing is revealed) refuse them. The chat rules apply to both.
        validate(ResponsesTranslator.translate(request, List.of(), ownRoute(request.model())));
        access.requireModel(ctx, request.model()); // before resolving: a forbidden id must not reveal whether it exists
        ModelRoute route = router.resolve(request.model());
        RequestTiming.tagRoute(ctx, route.id(), route.kind().label());
        if (route.kind() == RouteKind.PASSTHROUGH) {
            relay.relay(ctx, route, "/responses", request.streaming(), true, body);
            return;
        }
        ChatEngine engine = JsonPost.engine(engines, route);
        String owner = access.caller(ctx).keyName();
        ResponsesTranslator.Translated translated = responses.prepare(request, owner);
        validate(translated);
        ChatTurn turn = new ChatTurn(translated.chat(), translated.body(), route, RequestTiming.requestId(ctx));
        new EngineResponder(ctx, engine, mapper, new ResponsesWire(mapper, responses, request, translated, owner))
                .respond(turn);
    }

    private static boolean ownRoute(String model) {
        return model != null && (model.startsWith(ModelRouter.GROUNDED_PREFIX) || model.equals(ModelRouter.LOCAL_MODEL));
    }

    private void validate(ResponsesTranslator.Translated translated) {
        Set<ConstraintViolation<ChatCompletionRequest>> violations = validator.validate(translated.chat());
        if (!violations.isEmpty()) {
            throw Validation.toGatewayException(violations, translated::param);
        }
    }

}
