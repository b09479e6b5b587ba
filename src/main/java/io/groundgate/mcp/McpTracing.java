package io.groundgate.mcp;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.quarkiverse.mcp.server.InitialRequest;
import io.quarkiverse.mcp.server.McpConnection;
import io.quarkiverse.mcp.server.ToolManager;
import io.vertx.core.json.JsonObject;

import java.time.Instant;

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
     * Records the span of a completed MCP request (list, read, get, initialize, ping…), named {@code {method}}, or
     * {@code prompts/get {prompt}} (a resource URI is an attribute, not part of the name: the conventions keep span
     * names low in cardinality), timed from the duration the library measured.
     */
    public void completed(String method, JsonObject message, McpConnection connection, long durationMillis,
            Throwable failure) {
        JsonObject params = message == null ? null : message.getJsonObject("params");
        JsonObject meta = params == null ? null : params.getJsonObject("_meta");
        String prompt = params != null && method.equals("prompts/get") ? params.getString("name") : null;
        Instant end = Instant.now();
        var span = tracer.spanBuilder(prompt == null ? method : method + " " + prompt).setParent(parent(meta))
                .setSpanKind(SpanKind.SERVER).setStartTimestamp(end.minusMillis(Math.max(0, durationMillis)));
        common(span, method, connection, message == null ? null : message.getValue("id"));
        if (method.equals("initialize") && params != null && params.getValue("protocolVersion") instanceof String v) {
            span.setAttribute("mcp.protocol.version", v);
        }
        if (params != null && method.startsWith("resources/") && params.getValue("uri") instanceof String uri) {
            span.setAttribute("mcp.resource.uri", uri);
        }
        if (prompt != null) {
            span.setAttribute("gen_ai.prompt.name", prompt);
        }
        Span started = span.startSpan();
        if (failure != null) {
            started.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR);
            started.setAttribute("error.type", failure.getClass().getSimpleName());
        }
        started.end(end);
    }

    /** Attributes every MCP server span has: method, session, protocol version, request id, transport. */
    private static void common(io.opentelemetry.api.trace.SpanBuilder span, String method, McpConnection connection,
            Object requestId) {
        span.setAttribute("mcp.method.name", method).setAttribute("network.transport", "tcp")
                .setAttribute("network.protocol.name", "http");
        if (connection != null) {
            span.setAttribute("mcp.session.id", connection.id());
            InitialRequest initial = connection.initialRequest();
            if (initial != null && initial.protocolVersion() != null) {
                span.setAttribute("mcp.protocol.version", initial.protocolVersion());
            }
        }
        if (requestId != null) {
            span.setAttribute("jsonrpc.request.id", String.valueOf(requestId));
        }
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
                .setAttribute("gen_ai.operation.name", "execute_tool").setAttribute("gen_ai.tool.name", tool);
        common(span, "tools/call", args.connection(), args.requestId() == null ? null : args.requestId().value());
        return span.startSpan();
    }
}
