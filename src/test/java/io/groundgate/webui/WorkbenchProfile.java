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
import io.groundgate.testing.FakeUpstreamResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The gateway as an operator would run it for the workbench: the real graph from {@code ontologies/} and the
 * declarative tools from {@code tools/} (private copies, so edits cannot touch the repository), an API key and an admin key, so every call the page makes must carry them,
 * and upstream models on {@link FakeUpstreamResource}'s loopback fake server (so {@code grounded/fake-model} exists).
 */
public class WorkbenchProfile implements QuarkusTestProfile {

    public static final String API_KEY = "workbench-test-api-key";
    public static final String ADMIN_KEY = "workbench-test-admin-key";
    public static final int MAX_ROWS = 500;

    @Override
    public List<TestResourceEntry> testResources() {
        // upstreams on the real loopback fake model server, so grounded/<model> is served as in production
        return List.of(new TestResourceEntry(Graph.class), new TestResourceEntry(FakeUpstreamResource.class));
    }

    /** Copies {@code ontologies/} to a temporary folder and points the gateway at it, with the keys. */
    public static class Graph implements QuarkusTestResourceLifecycleManager {

        static volatile Path folder;
        static volatile Path tools;

        @Override
        public Map<String, String> start() {
            try {
                folder = TestConfig.copyFolder(Path.of("ontologies"), Files.createTempDirectory("gg-workbench"));
                tools = TestConfig.copyFolder(Path.of("tools"), Files.createTempDirectory("gg-workbench-tools"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("groundgate.kg.paths", folder.toString(),
                    "groundgate.tools.declarative.paths", tools.toString(),
                    "groundgate.kg.shapes-paths", folder.resolve("shapes").toString(),
                    "groundgate.kg.max-rows", Integer.toString(MAX_ROWS),
                    "groundgate.security.api-keys.workbench.sha256", sha256(API_KEY),
                    "groundgate.security.admin-key", ADMIN_KEY);
        }

        @Override
        public void stop() {
            for (Path copy : new Path[] { folder, tools }) {
                if (copy == null) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(copy)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // best effort
                }
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
