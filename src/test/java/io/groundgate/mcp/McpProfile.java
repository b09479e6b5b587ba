package io.groundgate.mcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

import io.groundgate.security.KeyHash;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * API keys for the MCP tests (one that may call every tool, one limited to the calculator and {@code kg_*}, one with a
 * tiny rate limit), a private copy of {@code tools/} that the test edits, an empty first graph folder the tests add
 * graphs to, and quick polling.
 */
public class McpProfile implements QuarkusTestProfile {

    static final String FULL = "sk-mcp-full";
    static final String NARROW = "sk-mcp-narrow";
    static final String SLOW = "sk-mcp-slow";
    static final String ADMIN = "mcp-test-admin-key";
    static final Path TOOLS = Path.of("target", "groundgate-mcp-tools").toAbsolutePath();
    /** First graph folder, empty at start: graphs the tests add through {@code /admin/graphs} land here, not in ontologies/. */
    static final Path GRAPHS = Path.of("target", "groundgate-mcp-graphs").toAbsolutePath();

    static {
        try {
            Files.createDirectories(TOOLS);
            Files.createDirectories(GRAPHS);
            try (Stream<Path> files = Files.list(Path.of("tools"))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (f.toString().endsWith(".yaml")) {
                        Files.copy(f, TOOLS.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String hash(String key) {
        return HexFormat.of().formatHex(KeyHash.sha256(key));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("groundgate.security.api-keys.full.sha256", hash(FULL)),
                Map.entry("groundgate.security.api-keys.narrow.sha256", hash(NARROW)),
                Map.entry("groundgate.security.api-keys.narrow.tools", "calculator,kg_*"),
                Map.entry("groundgate.security.api-keys.slow.sha256", hash(SLOW)),
                Map.entry("groundgate.security.api-keys.slow.rate-limit.requests-per-minute", "1"),
                Map.entry("groundgate.security.api-keys.slow.rate-limit.burst", "1"),
                Map.entry("groundgate.tools.declarative.paths", TOOLS.toString()),
                Map.entry("groundgate.tools.declarative.poll-interval", "200ms"),
                Map.entry("groundgate.mcp.sync-interval", "200ms"),
                Map.entry("groundgate.security.admin-key", ADMIN),
                Map.entry("groundgate.kg.paths", GRAPHS + ",ontologies"),
                Map.entry("groundgate.mcp.allowed-origins", "http://localhost:3000"));
    }
}
