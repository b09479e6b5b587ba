package io.groundgate.upstream;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * Turns what went wrong with an upstream into the OpenAI error the client sees. Messages say what happened in the
 * client's terms (which upstream, which limit); the internal detail (exception, address, raw body) is logged once at
 * WARN and never sent to the client.
 */
public final class UpstreamErrors {

    private static final Logger LOG = Logger.getLogger(UpstreamErrors.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Thrown into an exchange when the upstream's {@code total-timeout} runs out. */
    public static final class TotalTimeoutException extends TimeoutException {
        public TotalTimeoutException() {
            super("total timeout");
        }
    }

    private UpstreamErrors() {
    }

    /** A failure of the connection or the exchange: 504 for timeouts, 502 for everything else. */
    public static GatewayException transport(Upstream upstream, Throwable failure) {
        if (failure instanceof GatewayException gatewayException) {
            return gatewayException;
        }
        LOG.warnf("upstream '%s' (%s): %s", upstream.name(), upstream.baseUrl(), chain(failure));
        String name = "The upstream '" + upstream.name() + "'";
        if (has(failure, TotalTimeoutException.class)) {
            return timeout(name + " did not finish its answer within " + human(upstream.totalTimeout())
                    + " (total-timeout).");
        }
        if (has(failure, ConnectException.class) || has(failure, UnknownHostException.class)) {
            return isTimeout(failure)
                    ? timeout(name + " could not be reached within " + human(upstream.connectTimeout()) + " (connect-timeout).")
                    : new GatewayException(ErrorKind.UPSTREAM, name + " could not be reached.", null, "upstream_unreachable");
        }
        if (isTimeout(failure)) {
            return timeout(name + " did not answer within " + human(upstream.firstByteTimeout()) + " (first-byte-timeout).");
        }
        return new GatewayException(ErrorKind.UPSTREAM, "The connection to the upstream '" + upstream.name()
                + "' broke before its answer was complete.", null, "upstream_unreachable");
    }

    /** A 2xx answer that is not what an OpenAI-compatible server sends: the upstream's fault, 502. */
    public static GatewayException malformed(Upstream upstream, String what, String detail) {
        LOG.warnf("upstream '%s' (%s) %s: %s", upstream.name(), upstream.baseUrl(), what, detail);
        return new GatewayException(ErrorKind.UPSTREAM, "The upstream '" + upstream.name() + "' " + what + ".", null,
                "upstream_error");
    }

    /** A 2xx answer that carries an OpenAI error object instead of a completion: the upstream's own message, 502. */
    public static GatewayException errorInBody(Upstream upstream, JsonNode error) {
        String message = error.path("message").isTextual() ? error.get("message").asText() : error.toString();
        LOG.warnf("upstream '%s' (%s) answered 2xx with an error: %s", upstream.name(), upstream.baseUrl(), truncate(message));
        String code = error.hasNonNull("code") ? error.get("code").asText() : "upstream_error";
        return new GatewayException(ErrorKind.UPSTREAM, 502, "The upstream '" + upstream.name()
                + "' answered with an error: " + truncate(message), null, code, Map.of());
    }

    /**
     * An error status from the upstream. 4xx statuses (429 included) are kept, with {@code Retry-After}; 5xx become 502.
     * The upstream's own OpenAI-style message, type and code are kept when it sent them; any other body (an HTML error
     * page, a proxy's text) is logged, not passed on.
     */
    public static GatewayException status(Upstream upstream, int status, MultiMap headers, Buffer body) {
        JsonNode error = parseError(body);
        boolean ownMessage = error != null && error.path("message").isTextual();
        if (!ownMessage) {
            LOG.warnf("upstream '%s' (%s) answered HTTP %d: %s", upstream.name(), upstream.baseUrl(), status,
                    truncate(body.toString()));
        }
        String message = ownMessage ? error.get("message").asText()
                : "The upstream '" + upstream.name() + "' answered HTTP " + status + ".";
        String param = error != null && error.path("param").isTextual() ? error.get("param").asText() : null;
        String code = error != null && error.hasNonNull("code") ? error.get("code").asText() : null;
        Map<String, String> extra = new HashMap<>();
        String retryAfter = headers.get("Retry-After");
        if (retryAfter != null) {
            extra.put("Retry-After", retryAfter);
        }
        if (status >= 400 && status < 500) {
            ErrorKind kind = switch (status) {
                case 401 -> ErrorKind.AUTHENTICATION;
                case 403 -> ErrorKind.PERMISSION;
                case 404 -> ErrorKind.NOT_FOUND;
                case 429 -> ErrorKind.RATE_LIMITED;
                default -> ErrorKind.INVALID_REQUEST;
            };
            return new GatewayException(kind, status, message, param, code, extra);
        }
        return new GatewayException(ErrorKind.UPSTREAM, 502, ownMessage
                ? "The upstream '" + upstream.name() + "' failed with HTTP " + status + ": " + message : message, param,
                code != null ? code : "upstream_error", extra);
    }

    public static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t.getClass().getSimpleName().toLowerCase(Locale.ROOT).contains("timeout")) {
                return true;
            }
        }
        return false;
    }

    private static GatewayException timeout(String message) {
        return new GatewayException(ErrorKind.TIMEOUT, message, null, "upstream_timeout");
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The exception chain in one log line, without stack traces. */
    private static String chain(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null && out.length() < 1000; t = t.getCause()) {
            out.append(out.length() == 0 ? "" : " <- ").append(t);
        }
        return out.toString();
    }

    /** A duration as an operator writes it in the configuration: 60s, 10m, 250ms. */
    public static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 60_000 == 0 && millis >= 300_000) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static JsonNode parseError(Buffer body) {
        if (body.length() == 0) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body.getBytes());
            JsonNode error = node.path("error");
            return error.isObject() ? error : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String truncate(String text) {
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
