package io.groundgate.security;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the API keys' token buckets live, and what happens when that place cannot answer. */
@ConfigMapping(prefix = "groundgate.security.rate-limit")
public interface RateLimitConfig {

    /**
     * {@code local}: each replica keeps its own buckets in memory (one instance, or N replicas each allowing the full
     * limit). {@code redis}: the buckets live in Redis ({@code quarkus.redis.hosts}), shared by every replica.
     */
    @WithDefault("local")
    Store store();

    /** How long a request waits for Redis before the failure policy applies; keep it to a few milliseconds. */
    @WithDefault("20ms")
    Duration timeout();

    /**
     * When Redis fails or is slower than {@code timeout}: {@code open} falls back to this replica's own bucket (logged
     * once, counted in {@code groundgate_ratelimit_store_failures_total}); {@code closed} answers 503.
     */
    @WithDefault("open")
    FailurePolicy onStoreFailure();

    /** After a failure, Redis is asked again only after this pause, so a dead Redis costs no time per request. */
    @WithDefault("1s")
    Duration retryAfterFailure();

    /** Prefix of the Redis keys holding the buckets (one key per API key name). */
    @WithDefault("groundgate:ratelimit:")
    String redisKeyPrefix();

    enum Store {
        LOCAL,
        REDIS
    }

    enum FailurePolicy {
        OPEN,
        CLOSED
    }
}
