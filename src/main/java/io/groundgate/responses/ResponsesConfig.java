package io.groundgate.responses;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Responses API ({@code POST /v1/responses}) on the grounded and local routes. */
@ConfigMapping(prefix = "groundgate.responses")
public interface ResponsesConfig {

    /**
     * Most responses kept in memory for {@code previous_response_id}; the oldest go first. 0 disables the store, and a
     * request naming a previous response is then refused with a clear 400.
     */
    @WithDefault("1000")
    int storeMaxEntries();

    /** How long a stored response can be continued with {@code previous_response_id}. */
    @WithDefault("1h")
    Duration storeTtl();
}
