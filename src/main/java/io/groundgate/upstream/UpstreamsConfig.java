package io.groundgate.upstream;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * The OpenAI-compatible servers GroundGate forwards to, keyed by a name of the operator's choice:
 * {@code groundgate.upstreams.<name>.base-url=...}.
 */
@ConfigMapping(prefix = "groundgate.upstreams")
public interface UpstreamsConfig {

    /** Every configured upstream, by name. */
    @WithParentName
    Map<String, Upstream> all();

    interface Upstream {

        /** Base URL of the OpenAI-compatible API, including the version path, e.g. {@code https://api.openai.com/v1}. */
        String baseUrl();

        /** API key sent as {@code Authorization: Bearer}. Prefer an environment variable or a mounted secret. */
        Optional<String> apiKey();

        /** File holding the API key (e.g. a mounted Kubernetes Secret); read when {@code api-key} is not set. */
        Optional<String> apiKeyFile();

        /** Model ids this upstream serves; each becomes a passthrough route and a {@code grounded/<id>} route. */
        List<String> models();

        /** Time allowed to open a connection. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Time allowed until the response headers (and, when streaming, the first bytes) arrive. */
        @WithDefault("60s")
        Duration firstByteTimeout();

        /** Time allowed for the whole response, stream included. */
        @WithDefault("10m")
        Duration totalTimeout();

        /** Maximum pooled connections to this upstream. */
        @WithDefault("64")
        int maxConnections();

        /** Order in a model's fallback chain when several upstreams serve it: lower goes first. */
        @WithDefault("100")
        int priority();

        /** Retries after a connection failure, a 429 or a 5xx, while nothing has been streamed to the client yet. */
        @WithDefault("2")
        int retries();

        /** Base delay before a retry; it doubles per attempt, with full jitter. */
        @WithDefault("200ms")
        Duration retryBackoff();

        /** Consecutive failures that open this upstream's circuit breaker. */
        @WithDefault("5")
        int breakerFailureThreshold();

        /** How long an open breaker refuses calls before it lets one trial call through. */
        @WithDefault("30s")
        Duration breakerOpenDuration();

        /**
         * The API the grounded route calls this upstream through: {@code chat-completions} ({@code POST /chat/completions})
         * or {@code responses} ({@code POST /responses}, for upstreams that serve only OpenAI's Responses API). Passthrough
         * routes relay whichever path the client called and ignore this.
         */
        @WithDefault("chat-completions")
        Api api();

        /**
         * Models of this upstream that cannot call functions: their grounded route gives the model the relevant facts as
         * context instead of tools.
         */
        Optional<List<String>> contextModeModels();
    }

    /** How the grounded route talks to an upstream. */
    enum Api {
        CHAT_COMPLETIONS, RESPONSES
    }
}
