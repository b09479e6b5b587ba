package io.groundgate.kg;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.jboss.logging.Logger;

import io.groundgate.watch.FolderWatcher;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * The knowledge graph: serves the current {@link GraphSnapshot} and replaces it, atomically, only by a version that
 * parsed and passed SHACL validation. Reloads run one at a time on a background thread; the last good version keeps
 * serving while a broken one is rejected.
 */
@ApplicationScoped
public class KnowledgeGraph {

    private static final Logger LOG = Logger.getLogger(KnowledgeGraph.class);

    private final KgConfig config;
    private final KgMetrics metrics;
    private final GraphLoader loader;
    private final AtomicReference<GraphSnapshot> current = new AtomicReference<>();
    private final ExecutorService reloads = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "groundgate-kg-reload");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService validator = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "groundgate-kg-validate");
        t.setDaemon(true);
        return t;
    });
    private volatile GraphStore store;
    private volatile FolderWatcher watcher;
    private volatile boolean ready;
    private volatile ReloadReport lastReload;
    private volatile String lastRejectedVersion;
    private volatile Map<String, String> lastErrors = Map.of();

    @Inject
    public KnowledgeGraph(KgConfig config, MeterRegistry registry) {
        this(config, new KgMetrics(registry));
    }

    KnowledgeGraph(KgConfig config, KgMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.loader = new GraphLoader(config.paths().stream().map(Path::of).toList(),
                config.shapesPaths().stream().map(Path::of).toList(), config.entailment());
        this.current.set(empty());
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    /**
     * Disables SERVICE, opens the store, loads the first version and starts watching. Called at application start;
     * public for use outside CDI (benchmarks, tools).
     */
    public void start() {
        ARQ.getContext().set(ARQ.httpServiceAllowed, false);
        disableGlobalService();
        store = switch (config.store()) {
            case MEMORY -> new MemoryStore();
            case TDB2 -> new Tdb2Store(Path.of(config.tdb2().location()));
            case REMOTE -> new RemoteStore(config.remote());
        };
        ReloadReport first = reload("startup");
        if (!first.success()) {
            LOG.errorf("The knowledge graph did not load: %s", first.problemSummary());
        }
        if (config.watch() && store.usesLocalFiles()) {
            List<Path> folders = new java.util.ArrayList<>(loader.roots());
            folders.addAll(loader.shapesRoots());
            watcher = new FolderWatcher("knowledge graph", folders, loader::fingerprint, config.pollInterval(),
                    config.debounce(), () -> reloadLater("watch"));
            watcher.start();
        }
    }

    @SuppressWarnings("deprecation")
    private static void disableGlobalService() {
        ARQ.globalServiceAllowed = false;
    }

    /** Stops watching and reloading and closes the store. */
    @PreDestroy
    public void stop() {
        if (watcher != null) {
            watcher.stop();
        }
        reloads.shutdownNow();
        validator.shutdownNow();
        if (store != null) {
            store.close();
        }
    }

    /** The version being served; never null (an empty graph until the first load succeeds). */
    public GraphSnapshot snapshot() {
        return current.get();
    }

    /** Whether a first version has been loaded successfully. */
    public boolean ready() {
        return ready;
    }

    /** The latest reload attempt, or null before the first. */
    public ReloadReport lastReload() {
        return lastReload;
    }

    /** The served graphs, each with its error from the latest reload attempt, if any. */
    public List<GraphInfo> graphs() {
        Map<String, String> errors = lastErrors;
        List<GraphInfo> graphs = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (GraphInfo g : snapshot().graphs()) {
            graphs.add(g.withLastError(errors.get(g.file())));
            seen.add(g.file());
        }
        errors.forEach((file, error) -> {
            if (file != null && !seen.contains(file)) {
                graphs.add(new GraphInfo(file, SourceFile.graphIri(file), 0, null, null, error, List.of()));
            }
        });
        return graphs;
    }

    /** Reloads now from the folders and waits for the outcome. */
    public ReloadReport reload() {
        return reload("admin");
    }

    /** Runs an action on the reload thread, so it never overlaps a reload. */
    <T> T serialized(Callable<T> action) {
        if (Thread.currentThread().getName().equals("groundgate-kg-reload")) {
            try {
                return action.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        Future<T> future = reloads.submit(action);
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Whether versions come from local files (false for a remote store without a GSP URL). */
    boolean usesLocalFiles() {
        return store == null || store.usesLocalFiles();
    }

    GraphLoader loader() {
        return loader;
    }

    ReloadReport reload(String trigger) {
        return serialized(() -> doReload(trigger, null));
    }

    private void reloadLater(String trigger) {
        reloads.submit(() -> doReload(trigger, null));
    }

    /** Publishes an already validated version (from an edit) or loads the folders. */
    ReloadReport doReload(String trigger, GraphLoader.Loaded validated) {
        Instant at = Instant.now();
        long start = System.nanoTime();
        GraphSnapshot before = current.get();
        try {
            if (!store.usesLocalFiles()) {
                GraphStore.Stored stored = store.external();
                if (ready && stored.version().equals(before.version())) {
                    return record(new ReloadReport(at, trigger, true, before.version(), false, List.of(),
                            since(start)), false);
                }
                publish(stored.version(), stored.backend(), stored.graphs(), stored.prefixes(), true);
                return record(new ReloadReport(at, trigger, true, stored.version(), true, List.of(), since(start)),
                        true);
            }
            GraphLoader.Loaded loaded = validated;
            if (loaded == null) {
                GraphLoader.Inputs inputs = loader.read();
                if (ready && inputs.version().equals(before.version())) {
                    return record(new ReloadReport(at, trigger, true, before.version(), false, List.of(),
                            since(start)), false);
                }
                if (inputs.version().equals(lastRejectedVersion) && lastReload != null) {
                    return lastReload;
                }
                if (!ready) {
                    Optional<GraphStore.Stored> reused = store.reuse(inputs.version());
                    if (reused.isPresent()) {
                        GraphStore.Stored s = reused.get();
                        publish(s.version(), s.backend(), s.graphs(), s.prefixes(), false);
                        return record(new ReloadReport(at, trigger, true, s.version(), true, List.of(), since(start)),
                                true);
                    }
                }
                loaded = loader.parse(inputs);
                if (loaded.ok()) {
                    return validateAndPublish(loaded, at, trigger, start, before);
                }
            }
            if (!loaded.ok()) {
                lastRejectedVersion = loaded.version();
                ReloadReport report = new ReloadReport(at, trigger, false, before.version(), false, loaded.problems(),
                        since(start));
                LOG.warnf("Rejected knowledge graph version %s (%s): %s; still serving %s", loaded.version(), trigger,
                        report.problemSummary(), before.version());
                return record(report, false);
            }
            SparqlBackend backend = store.publish(loaded);
            GraphSnapshot next = prepare(loaded.version(), backend, graphInfos(loaded, before), loaded.prefixes(), false);
            return served(next, loaded, at, trigger, start);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Knowledge graph reload (%s) failed", trigger);
            return record(new ReloadReport(at, trigger, false, before.version(), false,
                    List.of(LoadProblem.of(null, "The reload failed: " + e.getMessage())), since(start)), false);
        }
    }

    /**
     * Validates a parsed version with SHACL and publishes it if it conforms. In memory, where building a snapshot has
     * no side effects, the label index and schema are built while SHACL runs on another core.
     */
    private ReloadReport validateAndPublish(GraphLoader.Loaded loaded, Instant at, String trigger, long start,
            GraphSnapshot before) {
        CompletableFuture<List<LoadProblem>> shacl = CompletableFuture.supplyAsync(() -> loader.validate(loaded),
                validator);
        GraphSnapshot speculative = null;
        if (store instanceof MemoryStore) {
            speculative = prepare(loaded.version(), store.publish(loaded), graphInfos(loaded, before), loaded.prefixes(),
                    false);
        }
        List<LoadProblem> problems = shacl.join();
        if (!problems.isEmpty()) {
            lastRejectedVersion = loaded.version();
            ReloadReport report = new ReloadReport(at, trigger, false, before.version(), false, problems, since(start));
            LOG.warnf("Rejected knowledge graph version %s (%s): %s; still serving %s", loaded.version(), trigger,
                    report.problemSummary(), before.version());
            return record(report, false);
        }
        GraphSnapshot next = speculative != null ? speculative
                : prepare(loaded.version(), store.publish(loaded), graphInfos(loaded, before), loaded.prefixes(), false);
        return served(next, loaded, at, trigger, start);
    }

    private ReloadReport served(GraphSnapshot next, GraphLoader.Loaded loaded, Instant at, String trigger, long start) {
        current.set(next);
        ready = true;
        metrics.triples(loaded.triples());
        LOG.infof("Serving knowledge graph version %s: %d graphs, %d triples (%s, %d ms)", loaded.version(),
                loaded.files().size(), loaded.triples(), trigger, since(start).toMillis());
        return record(new ReloadReport(at, trigger, true, loaded.version(), true, List.of(), since(start)), true);
    }

    private void publish(String version, SparqlBackend backend, List<GraphInfo> graphs, Map<String, String> prefixes,
            boolean graphsFromStore) {
        GraphSnapshot next = prepare(version, backend, graphs, prefixes, graphsFromStore);
        if (graphsFromStore) {
            metrics.triples(next.graphs().stream().mapToLong(GraphInfo::triples).sum());
        }
        current.set(next);
        ready = true;
    }

    /** A snapshot with its label index and schema built, not yet served. */
    private GraphSnapshot prepare(String version, SparqlBackend backend, List<GraphInfo> graphs,
            Map<String, String> prefixes, boolean graphsFromStore) {
        GraphSnapshot next = new GraphSnapshot(version, Instant.now(), backend, config.queryTimeout(), config.maxRows(),
                config.maxQueryDepth(), metrics, graphs, prefixes);
        long start = System.nanoTime();
        SnapshotDeriver.derive(next, config.languages(), graphsFromStore);
        LOG.debugf("Built label index and schema of %s in %d ms", version, since(start).toMillis());
        return next;
    }

    private ReloadReport record(ReloadReport report, boolean changed) {
        lastReload = report;
        if (report.success()) {
            lastRejectedVersion = null;
            lastErrors = Map.of();
        } else {
            Map<String, String> errors = new HashMap<>();
            report.problems().forEach(p -> errors.merge(String.valueOf(p.file()), p.describe(), (a, b) -> a));
            lastErrors = errors;
        }
        if (report.changed() || !report.success()) {
            metrics.reloaded(report.success(), report.duration());
        }
        return report;
    }

    private static List<GraphInfo> graphInfos(GraphLoader.Loaded loaded, GraphSnapshot before) {
        Map<String, GraphInfo> previous = new HashMap<>();
        before.graphs().forEach(g -> previous.put(g.graph(), g));
        Instant now = Instant.now();
        List<GraphInfo> graphs = new ArrayList<>();
        for (GraphLoader.ParsedFile f : loaded.files()) {
            GraphInfo old = previous.get(f.file().graph());
            Instant loadedAt = old != null && f.hash().equals(old.hash()) ? old.loadedAt() : now;
            graphs.add(new GraphInfo(f.file().name(), f.file().graph(), f.graph().size(), f.hash(), loadedAt, null,
                    List.of()));
        }
        return graphs;
    }

    private GraphSnapshot empty() {
        return new GraphSnapshot("empty", Instant.now(), new DatasetBackend(DatasetGraphFactory.create(), false),
                config.queryTimeout(), config.maxRows(), config.maxQueryDepth(), metrics, List.of(), Prefixes.STANDARD);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
