package io.groundgate.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A configured upstream with its secret resolved.
 *
 * @param name the configuration name
 * @param baseUrl base URL without a trailing slash, e.g. {@code http://127.0.0.1:8000/v1}
 * @param apiKey key sent as a bearer token, if any
 */
public record Upstream(String name, String baseUrl, Optional<String> apiKey, Duration connectTimeout,
        Duration firstByteTimeout, Duration totalTimeout, int maxConnections, int priority, int retries,
        Duration retryBackoff, int breakerFailureThreshold, Duration breakerOpenDuration) {

    public URI chatCompletionsUri() {
        return URI.create(baseUrl + "/chat/completions");
    }
}
