package io.groundgate.kg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A {@link KgConfig} for plain JUnit tests, and fixture helpers. */
public record TestConfig(List<String> paths, List<String> shapesPaths, StoreKind store, boolean watch, Duration pollInterval,
        Duration queryTimeout, int maxRows, String tdb2Location, Optional<String> queryUrl, Optional<String> gspUrl)
        implements KgConfig {

    /** An in-memory, non-watching graph over {@code folder}, with SHACL shapes from {@code folder/shapes}. */
    public static TestConfig memory(Path folder) {
        return new TestConfig(List.of(folder.toString()), List.of(folder.resolve("shapes").toString()),
                StoreKind.MEMORY, false, Duration.ofMillis(100), Duration.ofSeconds(10), 10_000, null,
                Optional.empty(), Optional.empty());
    }

    TestConfig watching() {
        return new TestConfig(paths, shapesPaths, store, true, pollInterval, queryTimeout, maxRows, tdb2Location,
                queryUrl, gspUrl);
    }

    public TestConfig tdb2(Path location) {
        return new TestConfig(paths, shapesPaths, StoreKind.TDB2, watch, pollInterval, queryTimeout, maxRows,
                location.toString(), queryUrl, gspUrl);
    }

    public TestConfig withQueryTimeout(Duration timeout) {
        return new TestConfig(paths, shapesPaths, store, watch, pollInterval, timeout, maxRows, tdb2Location, queryUrl,
                gspUrl);
    }

    public TestConfig withMaxRows(int rows) {
        return new TestConfig(paths, shapesPaths, store, watch, pollInterval, queryTimeout, rows, tdb2Location, queryUrl,
                gspUrl);
    }

    TestConfig remote(String query, String gsp) {
        return new TestConfig(paths, shapesPaths, StoreKind.REMOTE, watch, pollInterval, queryTimeout, maxRows,
                tdb2Location, Optional.of(query), Optional.ofNullable(gsp));
    }

    @Override
    public boolean entailment() {
        return true;
    }

    @Override
    public List<String> languages() {
        return List.of("en");
    }

    @Override
    public double maxShrink() {
        return 0.2;
    }

    @Override
    public int maxQueryLength() {
        return 100_000;
    }

    @Override
    public int maxQueryDepth() {
        return 100;
    }

    @Override
    public Duration debounce() {
        return Duration.ofMillis(100);
    }

    @Override
    public Tdb2 tdb2() {
        return () -> tdb2Location;
    }

    @Override
    public Remote remote() {
        return new Remote() {
            @Override
            public Optional<String> queryUrl() {
                return queryUrl;
            }

            @Override
            public Optional<String> gspUrl() {
                return gspUrl;
            }

            @Override
            public boolean unionDefaultGraph() {
                return false;
            }

            @Override
            public Optional<String> username() {
                return Optional.empty();
            }

            @Override
            public Optional<String> password() {
                return Optional.empty();
            }
        };
    }

    /** Copies a fixture folder from {@code src/test/resources/kg/<name>} into {@code target}. */
    public static Path copyFixture(String name, Path target) {
        try {
            return copyFolder(Path.of(TestConfig.class.getResource("/kg/" + name).toURI()), target);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a folder (e.g. {@code ontologies/}) with its sub-folders into {@code target}. */
    public static Path copyFolder(Path source, Path target) {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KnowledgeGraph started(KgConfig config) {
        KnowledgeGraph kg = new KnowledgeGraph(config, KgMetrics.detached());
        kg.start();
        return kg;
    }
}
