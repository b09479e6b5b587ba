package io.groundgate.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the OpenAI-compatible HTTP surface. */
@ConfigMapping(prefix = "groundgate.api")
public interface ApiConfig {

    /** Largest request body accepted, in bytes; larger bodies get HTTP 413 in OpenAI's error format. */
    @WithDefault("4194304")
    int maxBodyBytes();
}
