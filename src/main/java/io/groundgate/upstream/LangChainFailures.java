package io.groundgate.upstream;

import java.util.Map;

import dev.langchain4j.exception.HttpException;

import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/** Maps what a LangChain4j client throws to the error the client of the gateway sees, like the passthrough relay does. */
public final class LangChainFailures {

    private LangChainFailures() {
    }

    public static GatewayException map(Upstream upstream, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof GatewayException gatewayException) {
                return gatewayException;
            }
            if (t instanceof HttpException http) {
                return UpstreamErrors.status(upstream, http.statusCode(), MultiMap.caseInsensitiveMultiMap(),
                        Buffer.buffer(http.getMessage() == null ? "" : http.getMessage()));
            }
            if (t instanceof dev.langchain4j.exception.TimeoutException || t instanceof java.net.http.HttpTimeoutException) {
                return new GatewayException(ErrorKind.TIMEOUT, 504,
                        "The upstream '" + upstream.name() + "' did not answer in time.", null, "upstream_timeout", Map.of());
            }
        }
        return UpstreamErrors.transport(upstream, failure);
    }
}
