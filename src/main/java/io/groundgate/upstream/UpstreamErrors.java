package io.groundgate.upstream;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/** Turns what went wrong with an upstream into the OpenAI error the client sees. */
public final class UpstreamErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private UpstreamErrors() {
    }

    /** A failure before any response: 504 for timeouts, 502 for everything else. */
    public static GatewayException transport(Upstream upstream, Throwable failure) {
        if (failure instanceof GatewayException gatewayException) {
            return gatewayException;
        }
        if (isTimeout(failure)) {
            return new GatewayException(ErrorKind.TIMEOUT, "The upstream '" + upstream.name()
                    + "' did not answer in time (" + failure.getMessage() + ").", null, "upstream_timeout");
        }
        String what = failure instanceof ConnectException || failure instanceof UnknownHostException
                ? "could not be reached" : "failed";
        return new GatewayException(ErrorKind.UPSTREAM, "The upstream '" + upstream.name() + "' " + what + ": "
                + describe(failure), null, "upstream_unreachable");
    }

    /**
     * An error status from the upstream. 4xx statuses (429 included) are kept, with {@code Retry-After}; 5xx become 502.
     * The upstream's own OpenAI-style message, type and code are kept when it sent them.
     */
    public static GatewayException status(Upstream upstream, int status, MultiMap headers, Buffer body) {
        JsonNode error = parseError(body);
        String message = error != null && error.path("message").isTextual() ? error.get("message").asText()
                : "The upstream '" + upstream.name() + "' answered HTTP " + status
                        + (body.length() > 0 ? ": " + truncate(body.toString()) : ".");
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
        return new GatewayException(ErrorKind.UPSTREAM, 502,
                "The upstream '" + upstream.name() + "' failed with HTTP " + status + ": " + message, param,
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

    private static String describe(Throwable failure) {
        if (failure instanceof ClosedChannelException) {
            return "connection closed";
        }
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message;
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
