package io.groundgate.mcp;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The MCP server at {@code /mcp} (Streamable HTTP). Keys, tool allow-lists and rate limits are those of {@code /v1}. */
@ConfigMapping(prefix = "groundgate.mcp")
public interface McpConfig {

    /** Most MCP sessions open at once; an {@code initialize} beyond it gets HTTP 503 until one ends. */
    @WithDefault("100")
    int maxSessions();

    /** Longest life of one MCP session, however busy; the client then gets 404 and starts a new one. */
    @WithDefault("8h")
    Duration sessionLifetime();

    /**
     * Browser origins allowed to call {@code /mcp} (exact {@code scheme://host:port}). Requests without an
     * {@code Origin} header (non-browser clients) always pass; any other origin gets 403, as the MCP specification asks
     * to prevent DNS rebinding.
     */
    Optional<List<String>> allowedOrigins();

    /** How often the server compares the tool set and graph version with what clients were told. */
    @WithDefault("1s")
    Duration syncInterval();
}
