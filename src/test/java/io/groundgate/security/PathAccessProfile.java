package io.groundgate.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.groundgate.kg.TestConfig;

/** API keys as in {@link ApiKeysProfile}, an admin key, and a private copy of the {@code kg/basic} graph to write to. */
public class PathAccessProfile extends ApiKeysProfile {

    static final String ADMIN_KEY = "sk-path-admin-key";
    static final Path KG_FOLDER;

    static {
        try {
            // A fixed path: the profile class is loaded by the test's and by the application's class loader alike.
            KG_FOLDER = Path.of("target", "groundgate-path-access-kg").toAbsolutePath();
            // A fresh copy for every run: a file left by an earlier run must not hide or fake a write.
            if (Files.isDirectory(KG_FOLDER)) {
                try (var walk = Files.walk(KG_FOLDER)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(KG_FOLDER);
            TestConfig.copyFixture("basic", KG_FOLDER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("groundgate.security.admin-key", ADMIN_KEY);
        config.put("groundgate.kg.paths", KG_FOLDER.toString());
        config.put("groundgate.kg.shapes-paths", KG_FOLDER.resolve("shapes").toString());
        config.put("groundgate.kg.watch", "false");
        return config;
    }
}
