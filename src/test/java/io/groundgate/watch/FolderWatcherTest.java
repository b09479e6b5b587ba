package io.groundgate.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWatcherTest {

    @TempDir
    Path folder;

    /** A poll interval shorter than the debounce (as in tests, or a tight operator setting) must not starve the reload. */
    @Test
    void anEditTriggersAReloadEvenWhenPollingFasterThanTheDebounce() throws Exception {
        CountDownLatch reloaded = new CountDownLatch(1);
        AtomicInteger reloads = new AtomicInteger();
        FolderWatcher watcher = new FolderWatcher("test", List.of(folder),
                () -> fingerprint(folder), Duration.ofMillis(50), Duration.ofMillis(400), () -> {
                    reloads.incrementAndGet();
                    reloaded.countDown();
                });
        watcher.start();
        try {
            Files.writeString(folder.resolve("tool.yaml"), "name: x\n");
            assertThat(reloaded.await(10, TimeUnit.SECONDS)).as("reloaded after the edit").isTrue();
            Thread.sleep(1_000);
            assertThat(reloads.get()).as("a quiet folder is not reloaded again and again").isLessThanOrEqualTo(2);
        } finally {
            watcher.stop();
        }
    }

    private static String fingerprint(Path folder) {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName() + ":" + f.toFile().length() + ":" + f.toFile().lastModified())
                    .sorted().toList().toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
