package io.groundgate.ops;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The access log: one line per API request, on the {@code groundgate.access} logger. */
@ConfigMapping(prefix = "groundgate.access-log")
public interface AccessLogConfig {

    /** Whether to write it; on by default in the prod profile (application.properties), off in dev and test. */
    @WithDefault("false")
    boolean enabled();
}
