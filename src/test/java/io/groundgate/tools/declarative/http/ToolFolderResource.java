package io.groundgate.tools.declarative.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A private copy of the shipped {@code tools/} folder, and an admin key, for one test's gateway. */
public class ToolFolderResource implements QuarkusTestResourceLifecycleManager {

    public static final String ADMIN_KEY = "kgtools-test-admin-key";
    static volatile Path folder;

    @Override
    public Map<String, String> start() {
        try {
            folder = Files.createTempDirectory("gg-tools-http");
            try (Stream<Path> files = Files.list(Path.of("tools"))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (f.toString().endsWith(".yaml")) {
                        Files.copy(f, folder.resolve(f.getFileName()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("groundgate.tools.declarative.paths", folder.toString(),
                "groundgate.tools.declarative.poll-interval", "200ms",
                "groundgate.security.admin-key", ADMIN_KEY);
    }

    @Override
    public void stop() {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
