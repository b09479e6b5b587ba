package io.groundgate.grounding.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Serves only the fictional fleet fixture ({@code src/test/resources/planner/fleet}), copied to a fresh folder so a
 * test can add files to it and reload, through the normal knowledge graph loading.
 */
public class FleetProfile implements QuarkusTestProfile {

    static final Path FIXTURE = Path.of("src/test/resources/planner/fleet");
    /**
     * One folder per JVM: Quarkus loads this class in more than one class loader, so the name, not a static field,
     * makes every copy the same folder.
     */
    static final Path folder = copy();

    @Override
    public Map<String, String> getConfigOverrides() {
        // Embeddings off: the tokenizer's native library can be loaded by one class loader per JVM only, and the
        // default profile's application already loaded it. Linking by labels, units and structure is what this tests.
        return Map.of("groundgate.kg.paths", folder.toString(), "groundgate.kg.shapes-paths",
                folder.resolve("shapes").toString(), "groundgate.kg.watch", "false", "groundgate.planner.embeddings",
                "false");
    }

    private static Path copy() {
        try {
            Path target = Files.createDirectories(Path.of("target", "planner-fleet-" + ProcessHandle.current().pid()));
            try (Stream<Path> files = Files.walk(FIXTURE)) {
                for (Path p : files.toList()) {
                    Path to = target.resolve(FIXTURE.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return target.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
