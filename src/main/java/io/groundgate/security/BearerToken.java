package io.groundgate.security;

import io.vertx.core.http.HttpServerRequest;

/** Reads {@code Authorization: Bearer <token>}. */
public final class BearerToken {

    private BearerToken() {
    }

    public static String from(HttpServerRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return header.substring(7).strip();
    }
}
