package io.groundgate.security;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * One client API key as the gateway knows it: never the key itself, only its SHA-256.
 *
 * @param name the operator's name for it, used in logs and metrics
 * @param sha256Hex the key's SHA-256 in lower-case hex
 * @param models the models it may use
 * @param rateLimit its request budget, if any
 * @param tokensPerDay its daily token quota (UTC day, counted from the answers' {@code usage}), if any
 */
public record ApiKey(String name, String sha256Hex, ModelAllowList models, Optional<RateLimit> rateLimit,
        OptionalLong tokensPerDay) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public ApiKey {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("API key name '" + name + "' must be 1-64 of A-Z a-z 0-9 . _ -");
        }
        sha256Hex = sha256Hex.strip().toLowerCase(Locale.ROOT);
        if (!HEX.matcher(sha256Hex).matches()) {
            throw new IllegalArgumentException("API key '" + name + "': sha256 must be 64 hex characters");
        }
        if (tokensPerDay.isPresent() && tokensPerDay.getAsLong() < 1) {
            throw new IllegalArgumentException("tokens-per-day must be at least 1 (got " + tokensPerDay.getAsLong() + ")");
        }
    }
}
