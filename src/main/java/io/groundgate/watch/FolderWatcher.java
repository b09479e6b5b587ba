package io.groundgate.watch;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * Notices changes in folders that experts edit (ontologies, declarative tools): a WatchService for prompt events, and a
 * periodic poll of a cheap fingerprint (paths, link targets, sizes, times) for file systems that miss events.
 * Kubernetes ConfigMap mounts swap a {@code ..data} symbolic link instead of editing files; both paths notice that. A
 * burst of changes triggers one call of {@code onChange} once the folders have been quiet for the debounce time.
 */
public final class FolderWatcher {

    private static final Logger LOG = Logger.getLogger(FolderWatcher.class);

    private final String name;
    private final List<Path> roots;
    private final Supplier<String> fingerprintOf;
    private final Duration pollInterval;
    private final Duration debounce;
    private final Runnable onChange;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "groundgate-watch");
        t.setDaemon(true);
        return t;
    });
    private final Set<Path> registered = new HashSet<>();
    private WatchService watchService;
    private Thread eventThread;
    private volatile String fingerprint;
    private ScheduledFuture<?> pending;
    private volatile boolean running;

    /**
     * @param name what is watched, for logs and thread names
     * @param roots the folders (or files) to watch, with their sub-folders
     * @param fingerprint a cheap summary of the folders' state; a change in it means the files changed
     */
    public FolderWatcher(String name, List<Path> roots, Supplier<String> fingerprint, Duration pollInterval,
            Duration debounce, Runnable onChange) {
        this.name = name;
        this.roots = List.copyOf(roots);
        this.fingerprintOf = fingerprint;
        this.pollInterval = pollInterval;
        this.debounce = debounce;
        this.onChange = onChange;
    }

    public void start() {
        running = true;
        fingerprint = fingerprintOf.get();
        try {
            watchService = FileSystems.getDefault().newWatchService();
            registerAll();
            eventThread = new Thread(this::events, "groundgate-watch-" + name);
            eventThread.setDaemon(true);
            eventThread.start();
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warnf("No file events for %s (%s); polling every %s", name, e.getMessage(), pollInterval);
        }
        long every = Math.max(50, pollInterval.toMillis());
        timer.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    public void stop() {
        running = false;
        timer.shutdownNow();
        if (eventThread != null) {
            eventThread.interrupt();
        }
        if (watchService != null) {
            try {
                watchService.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    private void events() {
        while (running) {
            WatchKey key;
            try {
                key = watchService.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            if (key == null) {
                continue;
            }
            key.pollEvents();
            if (!key.reset()) {
                synchronized (registered) {
                    registered.remove((Path) key.watchable());
                }
            }
            changed();
        }
    }

    private void poll() {
        try {
            // remember what this poll saw: comparing with the state of the last reload instead would re-arm the debounce
            // on every poll until it ran, and with a poll interval shorter than the debounce it never would
            String now = fingerprintOf.get();
            if (!now.equals(fingerprint)) {
                fingerprint = now;
                changed();
            }
            registerAll(); // folders created after start-up
        } catch (RuntimeException e) {
            LOG.debugf("Polling %s failed: %s", name, e.getMessage());
        }
    }

    /** Schedules a reload once the folders have been quiet for the debounce time. */
    private synchronized void changed() {
        if (!running) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = timer.schedule(() -> {
            fingerprint = fingerprintOf.get();
            registerAll();
            onChange.run();
        }, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void registerAll() {
        if (watchService == null) {
            return;
        }
        List<Path> dirs = new ArrayList<>();
        for (Path root : roots) {
            Path dir = Files.isDirectory(root) ? root : root.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir, 8)) {
                walk.filter(Files::isDirectory).filter(d -> d.equals(dir) || !d.getFileName().toString().startsWith("."))
                        .forEach(dirs::add);
            } catch (IOException | UncheckedIOException e) {
                dirs.add(dir);
            }
        }
        synchronized (registered) {
            for (Path d : dirs) {
                if (registered.contains(d)) {
                    continue;
                }
                try {
                    d.register(watchService, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
                    registered.add(d);
                } catch (IOException | ClosedWatchServiceException e) {
                    LOG.debugf("Cannot watch %s: %s", d, e.getMessage());
                }
            }
        }
    }
}
