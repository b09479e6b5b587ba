package io.groundgate.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 of keys, and comparisons that take the same time whatever the input. */
public final class KeyHash {

    private KeyHash() {
    }

    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    public static byte[] fromHex(String hex) {
        return HexFormat.of().parseHex(hex.strip().toLowerCase(Locale.ROOT));
    }

    public static boolean matches(String presented, byte[] expectedHash) {
        return presented != null && MessageDigest.isEqual(sha256(presented), expectedHash);
    }
}
