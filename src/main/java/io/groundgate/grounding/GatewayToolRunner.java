package io.groundgate.grounding;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.tools.ToolContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.groundgate.tools.ToolError;
import io.groundgate.tools.ToolRegistry;
import io.groundgate.tools.ToolResult;

/**
 * Runs the gateway tool calls of one model response, in parallel, each within its time budget, and records each in the
 * provenance. Whatever the model sent (broken JSON, an unknown tool, too many calls) becomes a result it can act on.
 */
@ApplicationScoped
public class GatewayToolRunner {

    /** One tool call as the model made it. */
    public record Call(String id, String name, String arguments) {
    }

    /** The result to send back to the model for one call. */
    public record Outcome(Call call, ToolResult result, String text) {
    }

    /** Notified periodically while tools run, so a streaming client sees bytes. */
    public interface Heartbeat {
        void beat();
    }

    private final ToolRegistry registry;
    private final GroundingConfig config;
    private final ObjectMapper mapper;
    private final ExecutorService executor;
    private final Tracer tracer;

    public GatewayToolRunner(ToolRegistry registry, GroundingConfig config, ObjectMapper mapper, Tracer tracer) {
        this.registry = registry;
        this.config = config;
        this.mapper = mapper;
        this.tracer = tracer;
        this.executor = Executors.newFixedThreadPool(Math.max(1, config.parallelTools()), runnable -> {
            Thread thread = new Thread(runnable, "groundgate-tool");
            thread.setDaemon(true);
            return thread;
        });
    }

    public List<Outcome> run(int round, List<Call> calls, String requestId, ProvenanceRecorder recorder, Heartbeat heartbeat) {
        List<Future<ToolResult>> futures = new ArrayList<>(calls.size());
        List<ObjectNode> arguments = new ArrayList<>(calls.size());
        Context parent = Context.current(); // the request's trace, carried to the tool threads
        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i);
            ObjectNode args = parseArguments(call.arguments());
            arguments.add(args);
            ToolResult refused = refusal(i, call, args);
            if (refused != null) {
                futures.add(CompletableFuture.completedFuture(refused));
            } else {
                ToolContext context = new ToolContext(requestId, config.toolTimeout());
                futures.add(executor.submit(parent.wrap(() -> traced(call, () -> registry.execute(call.name(), args, context)))));
            }
        }
        List<Outcome> outcomes = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i);
            ToolResult result = await(futures.get(i), heartbeat);
            recorder.record(GroundingStep.of(round, call.id(), call.name(), arguments.get(i), result));
            outcomes.add(new Outcome(call, result, forModel(result)));
        }
        return outcomes;
    }

    /** Runs one tool call inside an {@code execute_tool} span, marked with its outcome. */
    private ToolResult traced(Call tool, Supplier<ToolResult> call) {
        // named and attributed per the OpenTelemetry GenAI semantic conventions (execute_tool span)
        Span span = tracer.spanBuilder("execute_tool " + tool.name()).setAttribute("gen_ai.operation.name", "execute_tool")
                .setAttribute("gen_ai.tool.name", tool.name()).setAttribute("gen_ai.tool.type", "function")
                .setAttribute("groundgate.tool", tool.name()).startSpan();
        if (tool.id() != null) {
            span.setAttribute("gen_ai.tool.call.id", tool.id());
        }
        try (Scope ignored = span.makeCurrent()) {
            ToolResult result = call.get();
            span.setAttribute("groundgate.tool.outcome", result.ok() ? "ok" : result.error().code());
            if (!result.ok()) {
                span.setStatus(StatusCode.ERROR, result.error().code());
                span.setAttribute("error.type", result.error().code());
            }
            return result;
        } finally {
            span.end();
        }
    }

    private ToolResult refusal(int index, Call call, ObjectNode args) {
        if (index >= config.maxToolCallsPerRound()) {
            return ToolResult.failure(ToolError.of("limit_exceeded", "Too many tool calls in one response: at most "
                    + config.maxToolCallsPerRound() + " run; call the rest in your next response."), null);
        }
        if (args == null) {
            return ToolResult.failure(new ToolError("invalid_arguments",
                    "The arguments are not a JSON object; send the arguments as a JSON object matching the tool's schema.",
                    "arguments"), null);
        }
        if (registry.find(call.name()).isEmpty()) {
            return ToolResult.failure(ToolError.of("tool_not_found", "There is no tool named '" + call.name()
                    + "'. Available tools: " + String.join(", ", registry.all().stream().map(t -> t.spec().name()).sorted().toList())
                    + "."), null);
        }
        return null;
    }

    private ToolResult await(Future<ToolResult> future, Heartbeat heartbeat) {
        long deadline = System.nanoTime() + config.toolTimeout().toNanos() + Duration.ofSeconds(1).toNanos();
        long tick = Math.max(100, config.keepAliveInterval().toMillis());
        while (true) {
            try {
                return future.get(Math.min(tick, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (System.nanoTime() >= deadline) {
                    future.cancel(true);
                    return ToolResult.failure(ToolError.of("timeout", "The tool did not finish within "
                            + config.toolTimeout().toMillis() + " ms."), null);
                }
                heartbeat.beat();
            } catch (ExecutionException e) {
                return ToolResult.failure(ToolError.of("internal_error", "The tool failed: " + e.getCause()), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.cancel(true);
                return ToolResult.failure(ToolError.of("cancelled", "The request was cancelled."), null);
            }
        }
    }

    private ObjectNode parseArguments(String arguments) {
        if (arguments == null || arguments.isBlank()) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode node = mapper.readTree(arguments);
            return node instanceof ObjectNode object ? object : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * What the model reads: the result, or the error it should correct, as compact JSON. Written in one pass: building
     * a tree for it first (as before) copied the sources and the error through a token buffer on every call.
     */
    private String forModel(ToolResult result) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator out = mapper.createGenerator(text)) {
            out.writeStartObject();
            if (result.ok()) {
                out.writeFieldName("result");
                if (result.result() == null) {
                    out.writeNull();
                } else {
                    mapper.writeTree(out, result.result());
                }
                if (result.provenance() != null && !result.provenance().sources().isEmpty()) {
                    out.writeArrayFieldStart("sources");
                    for (String source : result.provenance().sources()) {
                        out.writeString(source);
                    }
                    out.writeEndArray();
                }
            } else {
                out.writeFieldName("error");
                mapper.writeValue(out, result.error());
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a tool result", e);
        }
        return text.toString();
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
}
