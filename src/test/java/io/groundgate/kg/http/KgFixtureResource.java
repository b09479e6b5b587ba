package io.groundgate.kg.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.groundgate.kg.TestConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Copies a fixture ({@code kg/basic} unless the init argument {@code fixture} names another) to a temporary folder and
 * points the gateway at it, with an admin key; the init argument {@code watch=false} turns the folder watcher off.
 */
public class KgFixtureResource implements QuarkusTestResourceLifecycleManager {

    public static final String ADMIN_KEY = "kg-test-admin-key";
    static volatile Path folder;
    private String fixture = "basic";
    private String watch = "true";

    @Override
    public void init(Map<String, String> initArgs) {
        fixture = initArgs.getOrDefault("fixture", fixture);
        watch = initArgs.getOrDefault("watch", watch);
    }

    @Override
    public Map<String, String> start() {
        try {
            folder = Files.createTempDirectory("gg-kg-http");
            TestConfig.copyFixture(fixture, folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("groundgate.kg.paths", folder.toString(),
                "groundgate.kg.shapes-paths", folder.resolve("shapes").toString(),
                "groundgate.kg.query-timeout", "1s",
                "groundgate.kg.poll-interval", "200ms",
                "groundgate.kg.watch", watch,
                "groundgate.security.admin-key", ADMIN_KEY);
    }

    @Override
    public void stop() {
        delete(folder);
    }
    static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
