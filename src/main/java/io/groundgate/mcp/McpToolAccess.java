package io.groundgate.mcp;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.groundgate.security.ApiKeysConfig;
import io.groundgate.security.Caller;
import io.groundgate.security.ModelAllowList;
import io.quarkiverse.mcp.server.FilterContext;
import io.quarkiverse.mcp.server.ToolFilter;
import io.quarkiverse.mcp.server.ToolManager;

/**
 * Which gateway tools an MCP session may see and call: {@code groundgate.security.api-keys.<k>.tools} of the key that
 * opened the session (same pattern rules as the model allow-list). Open mode and keys from the key file see every tool.
 */
@ApplicationScoped
public class McpToolAccess implements ToolFilter {

    private final ApiKeysConfig keys;
    private final McpSessions sessions;

    public McpToolAccess(ApiKeysConfig keys, McpSessions sessions) {
        this.keys = keys;
        this.sessions = sessions;
    }

    @Override
    public boolean test(ToolManager.ToolInfo tool, FilterContext context) {
        return allows(context.connection().id(), tool.name());
    }

    boolean allows(String sessionId, String tool) {
        Caller caller = sessions.caller(sessionId).orElse(null);
        if (caller == null) {
            return false;
        }
        ApiKeysConfig.ApiKeyEntry entry = keys.apiKeys().get(caller.keyName());
        List<String> allowed = entry == null ? List.of("*") : entry.tools();
        return ModelAllowList.of(allowed).allows(tool);
    }
}
