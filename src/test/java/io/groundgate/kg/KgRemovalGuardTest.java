package io.groundgate.kg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Issue 10, finding 9: an emptied or deleted file is not a good new version. Real files in a temporary folder, the real
 * folder watcher (100 ms debounce, 100 ms poll).
 */
class KgRemovalGuardTest {

    static final String WIDGETS = "widgets.ttl";

    @TempDir
    Path dir;
    KnowledgeGraph kg;
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void start() {
        TestConfig.copyFixture("basic", dir);
        kg = new KnowledgeGraph(TestConfig.memory(dir).watching(), new KgMetrics(registry));
        kg.start();
        assertThat(knows("Frame Beta")).isTrue();
    }

    @AfterEach
    void stop() {
        kg.stop();
    }

    private boolean knows(String label) {
        return !kg.snapshot().labels().exact(label).isEmpty();
    }

    /** Versions published so far (startup included). */
    private double published() {
        return registry.counter("groundgate.kg.reloads", "outcome", "success").count();
    }

    private static org.awaitility.core.ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(25));
    }

    private boolean pending(String file) {
        return kg.warnings().stream().anyMatch(w -> file.equals(w.file()) && w.message().startsWith("The file is empty"));
    }

    @Test
    void anEmptiedFileIsAnUnfinishedWriteItsLastGoodContentKeepsServing() throws Exception {
        GraphSnapshot served = kg.snapshot();
        String content = Files.readString(dir.resolve(WIDGETS));

        Files.write(dir.resolve(WIDGETS), new byte[0]); // what `: > widgets.ttl` does
        eventually().until(() -> pending(WIDGETS));
        assertThat(kg.snapshot()).isSameAs(served);
        assertThat(kg.lastReload().success()).isTrue();
        assertThat(kg.lastReload().warnings()).anySatisfy(w -> assertThat(w.describe()).startsWith(
                "widgets.ttl: The file is empty: treated as an unfinished write; its last good content"));
        assertThat(knows("Frame Beta")).isTrue();

        Files.writeString(dir.resolve(WIDGETS), " \n\t\n"); // whitespace only: still unfinished
        eventually().until(() -> Files.getLastModifiedTime(dir.resolve(WIDGETS)).toMillis() > 0 && pending(WIDGETS)
                && kg.lastReload().at().isAfter(served.loadedAt()));
        assertThat(kg.snapshot()).isSameAs(served);

        Files.writeString(dir.resolve(WIDGETS), content.replace("Frame Beta", "Frame Gamma"));
        eventually().until(() -> knows("Frame Gamma"));
        assertThat(knows("Frame Beta")).isFalse();
        assertThat(pending(WIDGETS)).isFalse();
    }

    @Test
    void aNewEmptyFileIsLeftOutAndReportedPending() throws Exception {
        GraphSnapshot served = kg.snapshot();
        Files.write(dir.resolve("new.ttl"), new byte[0]);
        eventually().until(() -> pending("new.ttl"));
        assertThat(kg.snapshot()).isSameAs(served);
        assertThat(kg.snapshot().graphs()).extracting(GraphInfo::file).doesNotContain("new.ttl");
    }

    @Test
    void aDeletedFileIsHeldUntilTheAdminAcceptsTheRemoval() throws Exception {
        GraphSnapshot served = kg.snapshot();
        long widgetTriples = served.graphs().stream().filter(g -> g.file().equals(WIDGETS)).findFirst().orElseThrow()
                .triples();
        Files.delete(dir.resolve(WIDGETS));
        eventually().until(() -> kg.lastReload().held());
        assertThat(kg.snapshot()).isSameAs(served);
        assertThat(kg.lastReload().changes()).singleElement().satisfies(c -> {
            assertThat(c.file()).isEqualTo(WIDGETS);
            assertThat(c.status()).isEqualTo("deleted");
            assertThat(c.delta()).isEqualTo(-widgetTriples);
        });
        assertThat(kg.lastReload().problemSummary()).startsWith("widgets.ttl: The file was deleted: its "
                + widgetTriples + " triples would be removed").contains("accept-removal=true");
        assertThat(kg.reload().held()).as("a plain reload does not confirm").isTrue();
        assertThat(kg.snapshot()).isSameAs(served);

        ReloadReport accepted = kg.reload(true);
        assertThat(accepted.success()).isTrue();
        assertThat(accepted.changes()).extracting(GraphChange::file).containsExactly(WIDGETS);
        assertThat(kg.snapshot().graphs()).extracting(GraphInfo::file).doesNotContain(WIDGETS);
        assertThat(knows("Frame Beta")).isFalse();
    }

    @Test
    void anEditThatShrinksTheDatasetPastTheGuardIsHeldAndAShrinkWithinItIsServed() throws Exception {
        GraphSnapshot served = kg.snapshot();
        long total = served.graphs().stream().mapToLong(GraphInfo::triples).sum();
        long widgets = served.graphs().stream().filter(g -> g.file().equals(WIDGETS)).findFirst().orElseThrow()
                .triples();
        assertThat((double) (widgets - 1) / total).as("the fixture shrinks past 20 %%").isGreaterThan(0.2);
        Files.writeString(dir.resolve(WIDGETS), "<https://example.org/widgets#frame>"
                + " <http://www.w3.org/2000/01/rdf-schema#label> \"Frame Beta\"@en .\n");
        eventually().until(() -> kg.lastReload().held());
        assertThat(kg.snapshot()).isSameAs(served);
        assertThat(kg.lastReload().problemSummary())
                .startsWith("widgets.ttl: It would shrink from " + widgets + " to 1 triples");

        // a small shrink (one triple of the more.nt graph) is served, and shown
        Files.writeString(dir.resolve(WIDGETS), Files.readString(Path.of(TestConfig.class.getResource(
                "/kg/basic/widgets.ttl").toURI())));
        Files.writeString(dir.resolve("more.nt"), Files.readAllLines(dir.resolve("more.nt")).get(1) + "\n");
        eventually().until(() -> kg.lastReload().changed());
        assertThat(kg.lastReload().changes()).singleElement().satisfies(c -> {
            assertThat(c.file()).isEqualTo("more.nt");
            assertThat(c.delta()).isEqualTo(-1);
        });
    }

    @Test
    void aDeleteAndCreateWithinTheDebounceIsOneNewVersion() throws Exception {
        double before = published();
        String content = Files.readString(dir.resolve(WIDGETS));
        Files.delete(dir.resolve(WIDGETS));
        Files.writeString(dir.resolve(WIDGETS), content.replace("Frame Beta", "Frame Delta"));
        eventually().until(() -> knows("Frame Delta") && kg.lastReload().changed());
        assertThat(published()).isEqualTo(before + 1);
        assertThat(kg.lastReload().held()).isFalse();
    }

    @Test
    void aRenameInStepsFurtherApartThanTheDebounceNeverServesTheIntermediateState() throws Exception {
        GraphSnapshot served = kg.snapshot();
        double before = published();
        Path moving = dir.resolve("widgets.ttl.part");
        Files.move(dir.resolve(WIDGETS), moving, StandardCopyOption.ATOMIC_MOVE);
        eventually().until(() -> kg.lastReload() != null && kg.lastReload().held());
        assertThat(kg.snapshot()).isSameAs(served);

        Files.move(moving, dir.resolve("gadgets.ttl"), StandardCopyOption.ATOMIC_MOVE);
        eventually().until(() -> kg.lastReload().changed()
                && kg.snapshot().graphs().stream().anyMatch(g -> g.file().equals("gadgets.ttl")));
        assertThat(published()).isEqualTo(before + 1);
        assertThat(knows("Frame Beta")).isTrue();
        assertThat(kg.lastReload().changes()).extracting(GraphChange::file, GraphChange::status, GraphChange::removed)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("gadgets.ttl", "added", 0L),
                        org.assertj.core.groups.Tuple.tuple(WIDGETS, "deleted", 0L));
    }
}
