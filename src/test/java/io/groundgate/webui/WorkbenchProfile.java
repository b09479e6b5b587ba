package io.groundgate.webui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.groundgate.kg.TestConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The gateway as an operator would run it for the workbench: the real graph from {@code ontologies/} (a private copy,
 * so edits cannot touch the repository), an API key and an admin key, so every call the page makes must carry them.
 */
public class WorkbenchProfile implements QuarkusTestProfile {

    public static final String API_KEY = "workbench-test-api-key";
    public static final String ADMIN_KEY = "workbench-test-admin-key";
    public static final int MAX_ROWS = 500;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Graph.class));
    }

    /** Copies {@code ontologies/} to a temporary folder and points the gateway at it, with the keys. */
    public static class Graph implements QuarkusTestResourceLifecycleManager {

        static volatile Path folder;

        @Override
        public Map<String, String> start() {
            try {
                folder = TestConfig.copyFolder(Path.of("ontologies"), Files.createTempDirectory("gg-workbench"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("groundgate.kg.paths", folder.toString(),
                    "groundgate.kg.shapes-paths", folder.resolve("shapes").toString(),
                    "groundgate.kg.max-rows", Integer.toString(MAX_ROWS),
                    "groundgate.security.api-keys.workbench.sha256", sha256(API_KEY),
                    "groundgate.security.admin-key", ADMIN_KEY);
        }

        @Override
        public void stop() {
            if (folder == null) {
                return;
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
