package io.groundgate.upstream;

import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;

/**
 * A request sent to an upstream and its 2xx response, body still unread (paused).
 *
 * @param sentAtNanos when the request was handed to the connection
 * @param headersAtNanos when the response headers arrived
 */
public record UpstreamExchange(Upstream upstream, HttpClientRequest request, HttpClientResponse response,
        long sentAtNanos, long headersAtNanos) {

    /** Abandons the exchange: resets the upstream stream so the model stops generating. */
    public void cancel() {
        request.reset();
    }
}
