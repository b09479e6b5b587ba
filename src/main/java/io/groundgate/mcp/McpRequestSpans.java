package io.groundgate.mcp;

import java.util.function.ToDoubleFunction;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.mcp.server.McpMethod;
import io.quarkiverse.mcp.server.runtime.McpMetrics;
import io.quarkiverse.mcp.server.runtime.McpRequest;
import io.quarkiverse.mcp.server.runtime.MicrometerMcpMetrics;
import io.vertx.core.json.JsonObject;

/**
 * Adds a span for every MCP request other than {@code tools/call} (which has its own, around the tool's execution) at the
 * one place the library reports each completed request with its message and duration: its metrics hook. It takes the
 * hook's place and passes every call on to the library's Micrometer metrics. Uses Quarkiverse runtime types
 * ({@code McpMetrics}, {@code MicrometerMcpMetrics}), like {@link McpSessions}; a library upgrade may move them. (A CDI
 * decorator cannot be used: the library's bean has a package-private constructor in another class loader.)
 */
@Alternative
@Priority(1)
@Singleton
public class McpRequestSpans implements McpMetrics {

    private static final Logger LOG = Logger.getLogger(McpRequestSpans.class);

    private final McpTracing tracing;
    private final McpMetrics metrics;

    public McpRequestSpans(McpTracing tracing, Instance<MicrometerMcpMetrics> metrics) {
        this.tracing = tracing;
        this.metrics = metrics.isResolvable() ? metrics.get() : null;
    }

    @Override
    public <T> void createMcpConnectionsGauge(T connections, ToDoubleFunction<T> count) {
        if (metrics != null) {
            metrics.createMcpConnectionsGauge(connections, count);
        }
    }

    @Override
    public void mcpRequestCompleted(McpMethod method, JsonObject message, McpRequest request, long durationMillis,
            Throwable failure) {
        try {
            if (method != McpMethod.TOOLS_CALL) {
                tracing.completed(method.jsonRpcName(), message, request.connection(), durationMillis, failure);
            }
        } catch (RuntimeException e) {
            LOG.debugf("No span for MCP %s: %s", method, e.getMessage()); // tracing never fails a request
        }
        if (metrics != null) {
            metrics.mcpRequestCompleted(method, message, request, durationMillis, failure);
        }
    }
}
