package io.groundgate.grounding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiResponsesChatRequestParameters;
import dev.langchain4j.model.output.TokenUsage;

import io.groundgate.chat.ChatTurn;
import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;
import io.groundgate.chat.ToolDefinition;
import io.groundgate.chat.Usage;
import io.groundgate.grounding.local.GroundingContext;
import io.groundgate.tools.LangChain4jSchemas;
import io.groundgate.upstream.JsonFragments;
import io.groundgate.upstream.LangChainFailures;
import io.groundgate.upstream.LangChainModels;
import io.groundgate.upstream.Upstream;
import io.groundgate.upstream.UpstreamRegistry;
import io.groundgate.upstream.UpstreamErrors;
import io.groundgate.upstream.UpstreamResilience;
import io.groundgate.upstream.UpstreamsConfig;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/**
 * The server-side tool loop: call the model with the gateway's tools and the client's; run the gateway tools it asks
 * for and call again; stop at a final answer, at a call of a client tool (handed back to the client), or at the round
 * budget (with an honest message).
 */
@ApplicationScoped
public class ToolLoop {

    /** Receives a streamed round's text as it arrives. */
    public interface StreamListener extends GatewayToolRunner.Heartbeat {
        void text(String delta);

        boolean cancelled();
    }

    /**
     * How the loop ended.
     *
     * @param text the final assistant text (may be empty when handing back tool calls)
     * @param clientCalls calls of the client's own tools, to return with {@code finish_reason: tool_calls}
     */
    public record Result(String text, List<ToolExecutionRequest> clientCalls, Usage usage, int rounds, String finishReason) {
    }

    private final GroundingConfig config;
    private final GatewayToolSpecs gatewaySpecs;
    private final GatewayToolRunner runner;
    private final LangChainModels models;
    private final UpstreamRegistry upstreams;
    private final SystemPrompt systemPrompt;
    private final UpstreamResilience resilience;
    private final GroundingContext groundingContext;
    private final Tracer tracer;
    private final PendingToolCalls pending;
    private final JsonFragments fragments;

    public ToolLoop(GroundingConfig config, GatewayToolSpecs gatewaySpecs, GatewayToolRunner runner, LangChainModels models,
            UpstreamRegistry upstreams, SystemPrompt systemPrompt, UpstreamResilience resilience,
            GroundingContext groundingContext, Tracer tracer, PendingToolCalls pending, JsonFragments fragments) {
        this.fragments = fragments;
        this.tracer = tracer;
        this.pending = pending;
        this.resilience = resilience;
        this.groundingContext = groundingContext;
        this.config = config;
        this.gatewaySpecs = gatewaySpecs;
        this.runner = runner;
        this.models = models;
        this.upstreams = upstreams;
        this.systemPrompt = systemPrompt;
    }

    public Result run(ChatTurn turn, StreamListener listener, ProvenanceRecorder recorder) {
        List<Upstream> chain = upstreams.chain(turn.route().upstreams());
        String model = turn.route().upstreamModel();
        Set<String> clientTools = new HashSet<>();
        List<ToolSpecification> specs = new ArrayList<>();
        boolean contextMode = turn.route().contextMode();
        GatewayToolSpecs.ToolSet gatewaySet = contextMode ? null : gatewaySpecs.currentSet();
        if (!contextMode) {
            specs.addAll(gatewaySet.specs());
        }
        Set<String> gatewayNames = new HashSet<>(specs.stream().map(ToolSpecification::name).toList());
        // a model without function calling is offered no tools at all, the client's included
        List<ToolDefinition> offered = contextMode ? List.of() : turn.request().toolsOrEmpty();
        List<ToolSpecification> clientSpecs = new ArrayList<>();
        for (int i = 0; i < offered.size(); i++) {
            String name = offered.get(i).function().name();
            if (gatewayNames.contains(name)) {
                throw GatewayException.invalid("The tool name '" + name + "' is reserved by the gateway's own tool; "
                        + "rename your tool on the grounded route.", "tools[" + i + "].function.name");
            }
            clientTools.add(name);
            clientSpecs.add(clientTool(offered.get(i)));
        }
        specs.addAll(clientSpecs);

        List<ChatMessage> messages = new ArrayList<>();
        // the gateway's prompt goes as a placeholder for its JSON, written once per graph version (JsonFragments)
        messages.add(SystemMessage.from(contextMode ? contextPrompt(turn, recorder) : systemPrompt.placeholder()));
        messages.addAll(pending.splice(ConversationMapper.toLangChain(turn.request().messages())));

        // parameters are built once per request, not per round: the first round's, and (lazily) the later rounds'
        boolean responsesApi = chain.stream().anyMatch(u -> models.api(u.name()) == UpstreamsConfig.Api.RESPONSES);
        String toolsJson = specs.isEmpty() ? null : toolsPlaceholder(gatewaySet, clientSpecs);
        RoundParameters first = RoundParameters.of(turn, model, specs, true, toolsJson, responsesApi);
        RoundParameters later = null;

        Usage usage = Usage.ZERO;
        for (int round = 1; round <= config.maxRounds(); round++) {
            if (listener != null && listener.cancelled()) {
                throw clientClosed();
            }
            if (round == 2) {
                later = RoundParameters.of(turn, model, specs, false, toolsJson, responsesApi);
            }
            RoundParameters parameters = round == 1 ? first : later;
            ChatRequest request = new ChatRequest.Builder().messages(messages).parameters(parameters.chat()).build();
            ChatRequest responsesRequest = parameters.responses() == null ? null
                    : new ChatRequest.Builder().messages(messages).parameters(parameters.responses()).build();
            AtomicBoolean streamed = new AtomicBoolean();
            long started = System.nanoTime();
            ChatResponse response;
            try {
                response = resilience.callBlocking(chain, upstream -> call(upstream, model,
                        models.api(upstream.name()) == UpstreamsConfig.Api.RESPONSES ? responsesRequest : request,
                        listener, streamed), streamed::get);
            } finally {
                turn.upstreamTime().add(System.nanoTime() - started);
            }
            usage = usage.plus(usage(response.tokenUsage()));
            AiMessage ai = response.aiMessage();
            if (ai.hasToolExecutionRequests()) {
                Set<String> known = new HashSet<>(gatewayNames);
                known.addAll(clientTools);
                List<ToolExecutionRequest> repaired = ToolCallRepair.repair(ai.toolExecutionRequests(), known);
                ai = ai.text() == null ? AiMessage.from(repaired) : AiMessage.from(ai.text(), repaired);
            }
            messages.add(ai);
            if (!ai.hasToolExecutionRequests()) {
                return new Result(ai.text() == null ? "" : ai.text(), List.of(), usage, round,
                        "length".equals(String.valueOf(response.finishReason()).toLowerCase()) ? "length" : "stop");
            }
            List<ToolExecutionRequest> forClient = ai.toolExecutionRequests().stream()
                    .filter(r -> clientTools.contains(r.name())).toList();
            List<ToolExecutionRequest> forGateway = ai.toolExecutionRequests().stream()
                    .filter(r -> !clientTools.contains(r.name())).toList();
            List<ToolExecutionResultMessage> results = runGateway(round, forGateway, turn, listener, recorder);
            if (!forClient.isEmpty()) {
                // the client runs its calls; the gateway's half waits to be spliced back when it continues
                List<ToolExecutionRequest> handedBack = forGateway.isEmpty() ? forClient
                        : pending.hold(ai, clientTools, results);
                return new Result(ai.text() == null ? "" : ai.text(), handedBack, usage, round, "tool_calls");
            }
            messages.addAll(results);
        }
        String unfinished = "I could not finish grounding this answer: the model was still calling tools after "
                + config.maxRounds() + " rounds (groundgate.grounding.max-rounds). The tool results gathered so far are "
                + "listed in the response's grounding steps.";
        recorder.unresolved("round limit of " + config.maxRounds() + " reached before a final answer");
        if (listener != null) {
            listener.text(unfinished);
        }
        return new Result(unfinished, List.of(), usage, config.maxRounds(), "stop");
    }

    /**
     * The tools' JSON for the chat-completions API, as a {@link JsonFragments} placeholder: the gateway's own set as
     * written once per tool set, or, when the client brings tools, that set and the client's written once for this
     * request. The placeholder stays referenced by the round parameters for as long as the loop runs.
     */
    private String toolsPlaceholder(GatewayToolSpecs.ToolSet gatewaySet, List<ToolSpecification> clientSpecs) {
        if (clientSpecs.isEmpty()) {
            return gatewaySet.placeholder();
        }
        String client = JsonFragments.toolElements(clientSpecs);
        String gateway = gatewaySet == null ? "" : gatewaySet.elements();
        return fragments.placeholder("[" + gateway + (gateway.isEmpty() ? "" : ",") + client + "]");
    }

    /**
     * One round's parameters: for the chat-completions API, with the tools as a pre-written fragment instead of
     * LangChain4j's per-call conversion; for the Responses API (when the chain has such an upstream), with typed tools,
     * built before any call so that a parameter that API cannot carry is the client's 400, not a fault.
     */
    private record RoundParameters(OpenAiChatRequestParameters chat, OpenAiResponsesChatRequestParameters responses) {

        static RoundParameters of(ChatTurn turn, String model, List<ToolSpecification> specs, boolean firstRound,
                String toolsJson, boolean responsesApi) {
            OpenAiChatRequestParameters typed = RequestParameters.from(turn, model, specs, firstRound);
            return new RoundParameters(RequestParameters.withToolsJson(typed, toolsJson),
                    responsesApi ? ResponsesParameters.from(typed) : null);
        }
    }

    private List<ToolExecutionResultMessage> runGateway(int round, List<ToolExecutionRequest> requests, ChatTurn turn,
            StreamListener listener, ProvenanceRecorder recorder) {
        if (requests.isEmpty()) {
            return List.of();
        }
        List<GatewayToolRunner.Call> calls = requests.stream()
                .map(r -> new GatewayToolRunner.Call(r.id(), r.name(), r.arguments())).toList();
        GatewayToolRunner.Heartbeat heartbeat = listener == null ? () -> { } : listener;
        heartbeat.beat();
        // each result is escaped into a JSON string once, not again in every later round's body (JsonFragments)
        return runner.run(round, calls, turn.requestId(), recorder, heartbeat).stream()
                .map(o -> ToolExecutionResultMessage.from(o.call().id(), o.call().name(),
                        fragments.textPlaceholder(o.text())))
                .toList();
    }

    /** A client's tool as LangChain4j sees it; keywords its typed schemas cannot carry travel as raw JSON. */
    private static ToolSpecification clientTool(ToolDefinition tool) {
        JsonNode parameters = tool.function().parameters();
        return ToolSpecification.builder().name(tool.function().name()).description(tool.function().description())
                .parameters(LangChain4jSchemas.objectSchema(parameters instanceof ObjectNode object ? object
                        : JsonNodeFactory.instance.objectNode()))
                .build();
    }

    /** Context mode: the facts the planner finds for the question, with citations, instead of tools. */
    private String contextPrompt(ChatTurn turn, ProvenanceRecorder recorder) {
        List<io.groundgate.chat.ChatMessage> conversation = turn.request().messages();
        String question = "";
        for (int i = conversation.size() - 1; i >= 0; i--) {
            if ("user".equals(conversation.get(i).role())) {
                question = conversation.get(i).text();
                break;
            }
        }
        GroundingContext.Context facts = groundingContext.build(question, recorder);
        return systemPrompt.contextText(facts.text(), facts.hasFacts());
    }

    private ChatResponse call(Upstream upstream, String model, ChatRequest request, StreamListener listener,
            AtomicBoolean streamed) {
        long started = System.nanoTime();
        // named and attributed per the OpenTelemetry GenAI semantic conventions (inference span)
        Span span = tracer.spanBuilder("chat " + model).setSpanKind(SpanKind.CLIENT)
                .setAttribute("gen_ai.operation.name", "chat").setAttribute("gen_ai.request.model", model)
                .setAttribute("gen_ai.provider.name", "openai") // every upstream speaks OpenAI's API
                .setAttribute("groundgate.upstream", upstream.name()).setAttribute("groundgate.upstream_model", model)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            ChatResponse response = callOnce(upstream, model, request, listener, streamed);
            if (response.modelName() != null) {
                span.setAttribute("gen_ai.response.model", response.modelName());
            }
            TokenUsage tokens = response.tokenUsage();
            if (tokens != null && tokens.inputTokenCount() != null) {
                span.setAttribute("gen_ai.usage.input_tokens", (long) tokens.inputTokenCount());
            }
            if (tokens != null && tokens.outputTokenCount() != null) {
                span.setAttribute("gen_ai.usage.output_tokens", (long) tokens.outputTokenCount());
            }
            resilience.recordLatency(upstream, "ok", System.nanoTime() - started);
            return response;
        } catch (GatewayException e) {
            String outcome = e.code() == null ? e.kind().type() : e.code();
            resilience.recordLatency(upstream, outcome, System.nanoTime() - started);
            span.setStatus(StatusCode.ERROR, outcome);
            span.setAttribute("error.type", outcome);
            throw e;
        } finally {
            span.end();
        }
    }

    private ChatResponse callOnce(Upstream upstream, String model, ChatRequest request, StreamListener listener,
            AtomicBoolean streamed) {
        try {
            if (listener == null) {
                return models.chat(upstream.name(), model).chat(request);
            }
            CompletableFuture<ChatResponse> done = new CompletableFuture<>();
            models.streaming(upstream.name(), model).chat(request, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                    if (listener.cancelled()) {
                        context.streamingHandle().cancel();
                        done.completeExceptionally(new CancellationException("client closed"));
                    } else if (partial.text() != null && !partial.text().isEmpty()) {
                        streamed.set(true);
                        listener.text(partial.text());
                    }
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    done.complete(response);
                }

                @Override
                public void onError(Throwable error) {
                    done.completeExceptionally(error);
                }
            });
            // the exchange ends itself at total-timeout; this bound only guards against a stream that never reports back
            return done.get(upstream.totalTimeout().plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancellationException) {
                throw clientClosed();
            }
            throw LangChainFailures.map(upstream, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(ErrorKind.UNAVAILABLE, "The request was interrupted.");
        } catch (TimeoutException e) {
            throw UpstreamErrors.transport(upstream, new UpstreamErrors.TotalTimeoutException());
        } catch (RuntimeException e) {
            throw LangChainFailures.map(upstream, e);
        }
    }

    private static GatewayException clientClosed() {
        return new GatewayException(ErrorKind.INVALID_REQUEST, 499, "The client closed the request.",
                null, "client_closed", Map.of());
    }

    private static Usage usage(TokenUsage tokens) {
        if (tokens == null) {
            return Usage.ZERO;
        }
        long in = tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount();
        long out = tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount();
        long total = tokens.totalTokenCount() == null ? in + out : tokens.totalTokenCount();
        return new Usage(in, out, total);
    }
}
