package io.groundgate.chat;

import java.util.Map;

/**
 * A failure the client should see as an OpenAI error body. The core throws it without knowing HTTP; the API layer maps
 * it to a response.
 */
public class GatewayException extends RuntimeException {

    private final ErrorKind kind;
    private final int status;
    private final String param;
    private final String code;
    private final Map<String, String> headers;

    public GatewayException(ErrorKind kind, String message) {
        this(kind, kind.status(), message, null, null, Map.of());
    }

    public GatewayException(ErrorKind kind, String message, String param, String code) {
        this(kind, kind.status(), message, param, code, Map.of());
    }

    public GatewayException(ErrorKind kind, int status, String message, String param, String code,
            Map<String, String> headers) {
        super(message, null, false, false);
        this.kind = kind;
        this.status = status;
        this.param = param;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    public static GatewayException invalid(String message, String param) {
        return new GatewayException(ErrorKind.INVALID_REQUEST, message, param, null);
    }

    public ErrorKind kind() {
        return kind;
    }

    /** The HTTP status to answer with (an upstream's own 4xx status is kept). */
    public int status() {
        return status;
    }

    public String param() {
        return param;
    }

    public String code() {
        return code;
    }

    /** Extra response headers, e.g. {@code Retry-After}. */
    public Map<String, String> headers() {
        return headers;
    }
}
