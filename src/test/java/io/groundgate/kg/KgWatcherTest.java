package io.groundgate.kg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KgWatcherTest {

    static final String EX = "https://example.org/widgets#";
    static final String PREFIXES = "@prefix ex: <" + EX + "> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n";

    @TempDir
    Path dir;
    KnowledgeGraph kg;

    @AfterEach
    void stop() {
        if (kg != null) {
            kg.stop();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met in time").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private boolean knows(String label) {
        return !kg.snapshot().labels().exact(label).isEmpty();
    }

    @Test
    void aNewFileIsPickedUpAndABrokenOneIsRejectedWhileTheLastGoodVersionServes() throws Exception {
        TestConfig.copyFixture("basic", dir);
        kg = TestConfig.started(TestConfig.memory(dir).watching());
        Files.writeString(dir.resolve("new.ttl"), PREFIXES + "ex:bolt a ex:Widget ; rdfs:label \"Bolt Eta\"@en .\n");
        await(() -> knows("Bolt Eta"));
        String good = kg.snapshot().version();

        Files.writeString(dir.resolve("new.ttl"), PREFIXES + "ex:bolt a ex:Widget ; rdfs:label \"Bolt Theta\n");
        await(() -> kg.lastReload() != null && !kg.lastReload().success());
        assertThat(kg.lastReload().problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("new.ttl");
            assertThat(p.line()).isPositive();
        });
        assertThat(kg.snapshot().version()).isEqualTo(good);
        assertThat(knows("Bolt Eta")).isTrue();
    }

    @Test
    void aConfigMapStyleDataSymlinkSwapIsPickedUp() throws Exception {
        Path mount = Files.createDirectories(dir.resolve("mount"));
        Path v1 = Files.createDirectories(mount.resolve("..2026_01_01_00_00_00.1"));
        Files.writeString(v1.resolve("things.ttl"), PREFIXES + "ex:nut a ex:Widget ; rdfs:label \"Nut One\"@en .\n");
        Files.createSymbolicLink(mount.resolve("..data"), v1.getFileName());
        Files.createSymbolicLink(mount.resolve("things.ttl"), Path.of("..data/things.ttl"));
        kg = TestConfig.started(TestConfig.memory(mount).watching());
        assertThat(knows("Nut One")).isTrue();
        assertThat(kg.snapshot().graphs()).extracting(GraphInfo::file).containsExactly("things.ttl");

        // What the kubelet does: write a new timestamped folder, point ..data_tmp at it, rename over ..data.
        Path v2 = Files.createDirectories(mount.resolve("..2026_01_01_00_01_00.2"));
        Files.writeString(v2.resolve("things.ttl"), PREFIXES + "ex:nut a ex:Widget ; rdfs:label \"Nut Two\"@en .\n");
        Files.createSymbolicLink(mount.resolve("..data_tmp"), v2.getFileName());
        Files.move(mount.resolve("..data_tmp"), mount.resolve("..data"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        Files.delete(v1.resolve("things.ttl"));
        Files.delete(v1);

        await(() -> knows("Nut Two"));
        assertThat(knows("Nut One")).isFalse();
        assertThat(kg.snapshot().graphs()).extracting(GraphInfo::file).containsExactly("things.ttl");
    }
}
