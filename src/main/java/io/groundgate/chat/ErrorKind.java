package io.groundgate.chat;

/** The OpenAI error types GroundGate reports, each with the HTTP status it implies by default. */
public enum ErrorKind {
    INVALID_REQUEST("invalid_request_error", 400),
    AUTHENTICATION("authentication_error", 401),
    PERMISSION("permission_error", 403),
    NOT_FOUND("invalid_request_error", 404),
    PAYLOAD_TOO_LARGE("invalid_request_error", 413),
    UNSUPPORTED_MEDIA_TYPE("invalid_request_error", 415),
    RATE_LIMITED("rate_limit_error", 429),
    NOT_IMPLEMENTED("not_implemented_error", 501),
    UPSTREAM("upstream_error", 502),
    UNAVAILABLE("service_unavailable_error", 503),
    TIMEOUT("timeout_error", 504),
    INTERNAL("server_error", 500);

    private final String type;
    private final int status;

    ErrorKind(String type, int status) {
        this.type = type;
        this.status = status;
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }
}
