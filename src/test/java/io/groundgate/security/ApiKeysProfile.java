package io.groundgate.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** API keys configured as hashes in properties and in a key file that the tests rewrite. */
public class ApiKeysProfile implements QuarkusTestProfile {

    static final String ALPHA = "sk-alpha-test-key";
    static final String LIMITED = "sk-limited-test-key";
    static final String PARALLEL = "sk-parallel-test-key";
    static final String FILE_ONE = "sk-file-one";
    static final String FILE_TWO = "sk-file-two";
    static final Path KEY_FILE;

    static {
        try {
            // A fixed path: the profile class is loaded by the test's and by the application's class loader alike.
            KEY_FILE = Path.of("target", "groundgate-test-keys", "api-keys").toAbsolutePath();
            Files.createDirectories(KEY_FILE.getParent());
            if (!Files.exists(KEY_FILE)) {
                Files.writeString(KEY_FILE, fileLine("rotating", FILE_ONE, "*"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String hash(String key) {
        return HexFormat.of().formatHex(KeyHash.sha256(key));
    }

    static String fileLine(String name, String key, String models) {
        return "# test key file\n" + name + " " + hash(key) + " " + models + "\n";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("groundgate.security.api-keys.alpha.sha256", hash(ALPHA)),
                Map.entry("groundgate.security.api-keys.alpha.models", "groundgate-local,grounded/*"),
                Map.entry("groundgate.security.api-keys.limited.sha256", hash(LIMITED)),
                Map.entry("groundgate.security.api-keys.limited.rate-limit.requests-per-minute", "1"),
                Map.entry("groundgate.security.api-keys.limited.rate-limit.burst", "3"),
                Map.entry("groundgate.security.api-keys.parallel.sha256", hash(PARALLEL)),
                Map.entry("groundgate.security.api-keys.parallel.rate-limit.requests-per-minute", "1"),
                Map.entry("groundgate.security.api-keys.parallel.rate-limit.burst", "5"),
                Map.entry("groundgate.security.api-keys-file", KEY_FILE.toString()),
                Map.entry("groundgate.security.api-keys-file-check-interval", "100ms"),
                Map.entry("quarkus.log.category.\"io.groundgate.security\".level", "DEBUG"));
    }
}
