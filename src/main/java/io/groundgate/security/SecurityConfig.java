package io.groundgate.security;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Credentials GroundGate accepts. */
@ConfigMapping(prefix = "groundgate.security")
public interface SecurityConfig {

    /**
     * The admin key, sent as {@code Authorization: Bearer <key>} to {@code /admin/**}. Prefer an environment variable or
     * a mounted secret. Without an admin key (nor {@code admin-key-sha256}) admin writes are disabled.
     */
    Optional<String> adminKey();

    /** The admin key's SHA-256 hash in hex, as an alternative to storing the key itself. */
    Optional<String> adminKeySha256();
}
