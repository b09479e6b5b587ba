package io.groundgate.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Client API keys for {@code /v1/**} and {@code /sparql}. Keys are stored as SHA-256 hashes only, either in configuration
 * ({@code groundgate.security.api-keys.<name>.sha256=<hex>}) or in a mounted file ({@code api-keys-file}) that is re-read
 * when it changes. With neither, the gateway runs open for local use.
 */
@ConfigMapping(prefix = "groundgate.security")
public interface ApiKeysConfig {

    /** Client API keys by a name of the operator's choice; the name appears in logs and metrics, never the key. */
    Map<String, ApiKeyEntry> apiKeys();

    /**
     * A file of API keys, one per line: {@code name sha256 models [requests-per-minute [burst [tokens-per-day]]]} (see
     * docs/OPERATIONS.md). Re-read when its content changes, so keys rotate without a restart. Combined with
     * {@code api-keys}; a name in both takes the file's entry.
     */
    Optional<String> apiKeysFile();

    /** How often the API key file is checked for changes. */
    @WithDefault("5s")
    Duration apiKeysFileCheckInterval();

    /** One client key. */
    interface ApiKeyEntry {

        /** SHA-256 of the key, in hex (64 characters): {@code printf %s "$KEY" | sha256sum}. */
        String sha256();

        /**
         * Model ids this key may use: exact ids, {@code *} for all, or a prefix ending in {@code *} such as
         * {@code grounded/*}.
         */
        @WithDefault("*")
        List<String> models();

        /**
         * Gateway tools this key may call over MCP ({@code /mcp}): exact names, {@code *} for all, or a prefix ending in
         * {@code *} such as {@code kg_*}. Keys from {@code api-keys-file} may call every tool.
         */
        @WithDefault("*")
        List<String> tools();

        /** This key's request rate limit; none when {@code requests-per-minute} is not set. */
        RateLimitEntry rateLimit();

        /**
         * Tokens (the answers' {@code usage.total_tokens}) this key may use per UTC day; unset means no quota. Kept in the
         * rate-limit store, so shared by every replica with {@code rate-limit.store=redis}.
         */
        OptionalLong tokensPerDay();
    }

    /** A token bucket: {@code burst} requests at once, refilled at {@code requests-per-minute}. */
    interface RateLimitEntry {

        /** Sustained requests per minute this key may make; unset means no limit. */
        @WithName("requests-per-minute")
        OptionalInt requestsPerMinute();

        /** Requests that may arrive at once (the bucket's size); defaults to {@code requests-per-minute}. */
        OptionalInt burst();
    }
}
