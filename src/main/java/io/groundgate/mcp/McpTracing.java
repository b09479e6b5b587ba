package io.groundgate.mcp;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.quarkiverse.mcp.server.ToolManager;
import io.vertx.core.json.JsonObject;

/**
 * Server spans for MCP requests per the OpenTelemetry MCP semantic conventions: named {@code {mcp.method.name} {target}},
 * continuing the caller's trace from {@code params._meta.traceparent} (the conventions' propagation inside MCP messages,
 * since one HTTP request may carry several MCP messages).
 */
@ApplicationScoped
public class McpTracing {

    private static final TextMapGetter<JsonObject> META = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(JsonObject carrier) {
            return carrier.fieldNames();
        }

        @Override
        public String get(JsonObject carrier, String key) {
            Object value = carrier == null ? null : carrier.getValue(key);
            return value instanceof String text ? text : null;
        }
    };

    private final Tracer tracer;

    public McpTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * Records the span of a completed MCP request (list, read, get, initialize, ping…), named {@code {method} {target}}
     * when the request names a resource or prompt, timed from the duration the library measured.
     */
    public void completed(String method, JsonObject message, String sessionId, long durationMillis, Throwable failure) {
        JsonObject params = message == null ? null : message.getJsonObject("params");
        JsonObject meta = params == null ? null : params.getJsonObject("_meta");
        String target = params == null ? null : method.equals("resources/read") ? params.getString("uri")
                : method.equals("prompts/get") ? params.getString("name") : null;
        java.time.Instant end = java.time.Instant.now();
        var span = tracer.spanBuilder(target == null ? method : method + " " + target).setParent(parent(meta))
                .setSpanKind(SpanKind.SERVER).setStartTimestamp(end.minusMillis(Math.max(0, durationMillis)))
                .setAttribute("mcp.method.name", method);
        if (sessionId != null) {
            span.setAttribute("mcp.session.id", sessionId);
        }
        Object id = message == null ? null : message.getValue("id");
        if (id != null) {
            span.setAttribute("jsonrpc.request.id", String.valueOf(id));
        }
        if (method.equals("resources/read") && target != null) {
            span.setAttribute("mcp.resource.uri", target);
        }
        if (method.equals("prompts/get") && target != null) {
            span.setAttribute("gen_ai.prompt.name", target);
        }
        Span started = span.startSpan();
        if (failure != null) {
            started.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR);
            started.setAttribute("error.type", failure.getClass().getSimpleName());
        }
        started.end(end);
    }

    private static Context parent(JsonObject meta) {
        return meta != null && meta.getValue("traceparent") instanceof String
                ? W3CTraceContextPropagator.getInstance().extract(Context.root(), meta, META)
                : Context.current();
    }

    /** Starts the span of a {@code tools/call} request; the caller ends it. */
    public Span toolCall(String tool, ToolManager.ToolArguments args) {
        JsonObject meta = args.meta() == null ? null : args.meta().asJsonObject();
        var span = tracer.spanBuilder("tools/call " + tool).setParent(parent(meta)).setSpanKind(SpanKind.SERVER)
                .setAttribute("mcp.method.name", "tools/call").setAttribute("gen_ai.operation.name", "execute_tool")
                .setAttribute("gen_ai.tool.name", tool);
        if (args.connection() != null) {
            span.setAttribute("mcp.session.id", args.connection().id());
        }
        if (args.requestId() != null && args.requestId().value() != null) {
            span.setAttribute("jsonrpc.request.id", String.valueOf(args.requestId().value()));
        }
        return span.startSpan();
    }
}
