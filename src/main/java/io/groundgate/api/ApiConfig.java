package io.groundgate.api;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the OpenAI-compatible HTTP surface. */
@ConfigMapping(prefix = "groundgate.api")
public interface ApiConfig {

    /** Largest request body accepted, in bytes; larger bodies get HTTP 413 in OpenAI's error format. */
    @WithDefault("4194304")
    int maxBodyBytes();

    /**
     * Longest request URL (path and query) accepted, in characters; longer ones get HTTP 414 in OpenAI's error format.
     * Keep it below {@code quarkus.http.limits.max-initial-line-length}, past which Vert.x answers 414 itself.
     */
    @WithDefault("4096")
    int maxUrlLength();

    /**
     * Longest pause allowed while a request body arrives on {@code /v1/chat/completions}; a body that stalls longer gets
     * HTTP 408 in OpenAI's error format and its connection is closed.
     */
    @WithDefault("30s")
    Duration bodyIdleTimeout();
}
