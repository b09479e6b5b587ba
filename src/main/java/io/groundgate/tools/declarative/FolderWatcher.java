package io.groundgate.tools.declarative;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * Notices changes to the tool folders: WatchService events for promptness, and a periodic fingerprint poll for file
 * systems that miss events (and for ConfigMap {@code ..data} swaps, which change link targets, not files). A burst of
 * changes triggers one reload once the folders have been quiet for the debounce time.
 */
final class FolderWatcher {

    private static final Logger LOG = Logger.getLogger(FolderWatcher.class);

    private final List<Path> roots;
    private final Duration pollInterval;
    private final Duration debounce;
    private final Runnable onChange;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "groundgate-tools-watch");
        t.setDaemon(true);
        return t;
    });
    private final Set<Path> registered = new HashSet<>();
    private volatile String fingerprint;
    private volatile boolean running;
    private WatchService watchService;
    private Thread events;
    private ScheduledFuture<?> pending;

    FolderWatcher(List<Path> roots, Duration pollInterval, Duration debounce, Runnable onChange) {
        this.roots = List.copyOf(roots);
        this.pollInterval = pollInterval;
        this.debounce = debounce;
        this.onChange = onChange;
    }

    void start() {
        running = true;
        fingerprint = ToolFiles.fingerprint(roots);
        try {
            watchService = FileSystems.getDefault().newWatchService();
            register();
            events = new Thread(this::events, "groundgate-tools-events");
            events.setDaemon(true);
            events.start();
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warnf("No file events for the tool folders (%s); polling every %s", e.getMessage(), pollInterval);
        }
        long every = Math.max(50, pollInterval.toMillis());
        timer.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    void stop() {
        running = false;
        timer.shutdownNow();
        if (events != null) {
            events.interrupt();
        }
        if (watchService != null) {
            try {
                watchService.close();
            } catch (IOException ignored) {
                // closing anyway
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
            if (key != null) {
                key.pollEvents();
                if (!key.reset()) {
                    synchronized (registered) {
                        registered.remove((Path) key.watchable());
                    }
                }
                changed();
            }
        }
    }

    private void poll() {
        try {
            if (!ToolFiles.fingerprint(roots).equals(fingerprint)) {
                changed();
            }
            register();
        } catch (RuntimeException e) {
            LOG.debugf("Polling the tool folders failed: %s", e.getMessage());
        }
    }

    private synchronized void changed() {
        if (!running) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = timer.schedule(() -> {
            fingerprint = ToolFiles.fingerprint(roots);
            onChange.run();
        }, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Watches each folder (also one created after start-up, picked up by the poll). */
    private void register() {
        if (watchService == null) {
            return;
        }
        for (Path root : roots) {
            Path dir = Files.isDirectory(root) ? root : root.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                continue;
            }
            synchronized (registered) {
                if (registered.contains(dir)) {
                    continue;
                }
                try {
                    dir.register(watchService, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
                    registered.add(dir);
                } catch (IOException | ClosedWatchServiceException e) {
                    LOG.debugf("Cannot watch %s: %s", dir, e.getMessage());
                }
            }
        }
    }
}
