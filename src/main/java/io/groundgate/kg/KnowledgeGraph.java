package io.groundgate.kg;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
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
    /** Completes when the first load has been tried, whatever its outcome (see {@link #firstLoadTried()}). */
    private final CompletableFuture<Void> firstLoad = new CompletableFuture<>();
    private volatile ReloadReport lastReload;
    private volatile String lastRejectedVersion;
    private volatile Map<String, String> lastErrors = Map.of();
    private volatile List<LoadProblem> servedWarnings = List.of();
    private volatile List<LoadProblem> pending = List.of();
    private volatile long entailed;
    private static final int MAX_LOGGED_WARNINGS = 20;

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
        ReloadReport first;
        try {
            first = reload("startup");
        } finally {
            firstLoad.complete(null);
        }
        if (!first.success()) {
            LOG.errorf("The knowledge graph did not load: %s", first.problemSummary());
        }
        if (config.watch() && store.usesLocalFiles()) {
            List<Path> folders = new ArrayList<>(loader.roots());
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

    /**
     * Completes once the first load has been tried at start-up, served or not: for work that starts alongside the load
     * (the embedding model's warm-up) and needs the first version's content.
     */
    public CompletionStage<Void> firstLoadTried() {
        return firstLoad;
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

    /**
     * Reloads now from the folders and waits for the outcome.
     *
     * @param acceptRemoval publish even a version that removes more than {@code groundgate.kg.max-shrink} of a graph
     */
    public ReloadReport reload(boolean acceptRemoval) {
        return serialized(() -> doReload("admin", null, acceptRemoval));
    }

    /**
     * What an expert should fix in the served version (undeclared terms, range mismatches) and the files left pending
     * because they are empty.
     */
    public List<LoadProblem> warnings() {
        List<LoadProblem> all = new ArrayList<>(pending);
        all.addAll(servedWarnings);
        return all;
    }

    /** Triples of the served version derived by RDFS-lite entailment, counted apart from the asserted ones. */
    public long entailedTriples() {
        return entailed;
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
        return serialized(() -> doReload(trigger, null, false));
    }

    private void reloadLater(String trigger) {
        reloads.submit(() -> doReload(trigger, null, false));
    }

    /** Publishes an already validated version (from an edit) or loads the folders. */
    ReloadReport doReload(String trigger, GraphLoader.Loaded validated) {
        return doReload(trigger, validated, false);
    }

    /**
     * @param acceptRemoval whether the admin confirmed a version that removes more than the shrink guard allows
     */
    private ReloadReport doReload(String trigger, GraphLoader.Loaded validated, boolean acceptRemoval) {
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
            List<LoadProblem> pendingNow = List.of();
            List<GraphChange> changes;
            if (loaded == null) {
                GraphLoader.Inputs inputs = loader.read();
                pendingNow = inputs.pending();
                pending = pendingNow;
                if (ready && inputs.version().equals(before.version())) {
                    return record(new ReloadReport(at, trigger, true, before.version(), false, List.of(),
                            since(start), pendingNow, List.of(), false), false);
                }
                if (!acceptRemoval && inputs.version().equals(lastRejectedVersion) && lastReload != null) {
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
                    Set<String> kept = new HashSet<>();
                    inputs.data().stream().filter(d -> d.bytes() == null).forEach(d -> kept.add(d.file().name()));
                    changes = ready ? RemovalGuard.changes(loader.lastGood(), loaded.files(), kept) : List.of();
                    long triplesBefore = loader.lastGood().values().stream().mapToLong(f -> f.graph().size()).sum();
                    List<GraphChange> tooMuch = acceptRemoval ? List.of()
                            : RemovalGuard.beyond(changes, config.maxShrink(), triplesBefore);
                    if (!tooMuch.isEmpty()) {
                        return hold(loaded, tooMuch, changes, pendingNow, at, trigger, start, before, triplesBefore);
                    }
                    return validateAndPublish(loaded, at, trigger, start, before, pendingNow, changes);
                }
            }
            if (!loaded.ok()) {
                lastRejectedVersion = loaded.version();
                ReloadReport report = new ReloadReport(at, trigger, false, before.version(), false, loaded.problems(),
                        since(start), pendingNow, List.of(), false);
                LOG.warnf("Rejected knowledge graph version %s (%s): %s; still serving %s", loaded.version(), trigger,
                        report.problemSummary(), before.version());
                return record(report, false);
            }
            changes = editChanges(loaded);
            SparqlBackend backend = store.publish(loaded);
            GraphSnapshot next = prepare(loaded.version(), backend, graphInfos(loaded, before), loaded.prefixes(), false);
            return served(next, loaded, at, trigger, start, loader.warnings(loaded), changes);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Knowledge graph reload (%s) failed", trigger);
            return record(new ReloadReport(at, trigger, false, before.version(), false,
                    List.of(LoadProblem.of(null, "The reload failed: " + e.getMessage())), since(start)), false);
        }
    }

    /** An edit's changes: the admin asked for exactly this change, so it is shown but not held by the removal guard. */
    private List<GraphChange> editChanges(GraphLoader.Loaded loaded) {
        return RemovalGuard.changes(loader.lastGood(), loaded.files(), Set.of());
    }

    /**
     * What publishing an edit's validated version would report (its warnings and changes), or its problems, while the
     * served version, the last reload and the meters stay as they are. Runs on the reload thread, like the edit.
     *
     * @param loaded the version the edit would serve, or null when its body did not parse
     * @param problems why it would be refused (empty when it would be served)
     */
    ReloadReport dryRun(GraphLoader.Loaded loaded, List<LoadProblem> problems, Instant at, long start) {
        String served = current.get().version();
        if (loaded == null || !problems.isEmpty()) {
            return new ReloadReport(at, "dry-run", false, served, false, problems, since(start));
        }
        return new ReloadReport(at, "dry-run", true, served, false, List.of(), since(start), loader.warnings(loaded),
                editChanges(loaded), false);
    }

    /** Keeps serving the last good version and says what the new one would remove. */
    private ReloadReport hold(GraphLoader.Loaded loaded, List<GraphChange> tooMuch, List<GraphChange> changes,
            List<LoadProblem> pendingNow, Instant at, String trigger, long start, GraphSnapshot before,
            long triplesBefore) {
        lastRejectedVersion = loaded.version();
        List<LoadProblem> reasons = tooMuch.stream()
                .map(c -> RemovalGuard.held(c, config.maxShrink(), triplesBefore)).toList();
        ReloadReport report = new ReloadReport(at, trigger, false, before.version(), false, reasons, since(start),
                pendingNow, changes, true);
        LOG.warnf("Held knowledge graph version %s (%s): %s; still serving %s", loaded.version(), trigger,
                report.problemSummary(), before.version());
        return record(report, false);
    }

    /**
     * Validates a parsed version with SHACL and publishes it if it conforms. In memory, where building a snapshot has
     * no side effects, the label index and schema are built while SHACL runs on another core.
     */
    private ReloadReport validateAndPublish(GraphLoader.Loaded loaded, Instant at, String trigger, long start,
            GraphSnapshot before, List<LoadProblem> pendingNow, List<GraphChange> changes) {
        CompletableFuture<List<LoadProblem>> shacl = CompletableFuture.supplyAsync(() -> loader.validate(loaded),
                validator);
        GraphSnapshot speculative = null;
        if (store instanceof MemoryStore) {
            speculative = prepare(loaded.version(), store.publish(loaded), graphInfos(loaded, before), loaded.prefixes(),
                    false);
        }
        List<LoadProblem> warnings = new ArrayList<>(pendingNow);
        warnings.addAll(loader.warnings(loaded));
        List<LoadProblem> problems = shacl.join();
        if (!problems.isEmpty()) {
            lastRejectedVersion = loaded.version();
            ReloadReport report = new ReloadReport(at, trigger, false, before.version(), false, problems, since(start),
                    warnings, changes, false);
            LOG.warnf("Rejected knowledge graph version %s (%s): %d problems, the first: %s; still serving %s",
                    loaded.version(), trigger, problems.size(), problems.get(0).describe(), before.version());
            return record(report, false);
        }
        GraphSnapshot next = speculative != null ? speculative
                : prepare(loaded.version(), store.publish(loaded), graphInfos(loaded, before), loaded.prefixes(), false);
        return served(next, loaded, at, trigger, start, warnings, changes);
    }

    private ReloadReport served(GraphSnapshot next, GraphLoader.Loaded loaded, Instant at, String trigger, long start,
            List<LoadProblem> warnings, List<GraphChange> changes) {
        long asserted = loaded.files().stream().mapToLong(f -> f.graph().size()).sum();
        long entailedCount = loaded.entailed().size();
        // the report and meters first, so whoever sees the new snapshot also finds it counted
        ReloadReport report = record(new ReloadReport(at, trigger, true, loaded.version(), true, List.of(),
                since(start), warnings, changes, false), true);
        entailed = entailedCount;
        current.set(next);
        prepareLookups(next);
        loader.served(loaded.files());
        ready = true;
        servedWarnings = warnings.stream().filter(w -> !pending.contains(w)).toList();
        metrics.triples(asserted, entailedCount);
        LOG.infof("Serving knowledge graph version %s: %d graphs, %d asserted triples (summed over graphs) + %d entailed"
                + " (%s, %d ms)", loaded.version(), loaded.files().size(), asserted, entailedCount, trigger,
                since(start).toMillis());
        changes.forEach(c -> LOG.infof("  %s %s: %d -> %d triples (%+d)", c.status(), c.file(), c.before(), c.after(),
                c.delta()));
        int logged = 0;
        for (LoadProblem w : warnings) {
            if (logged++ == MAX_LOGGED_WARNINGS) {
                LOG.warnf("… and %d more warnings (see GET /admin/kg)", warnings.size() - MAX_LOGGED_WARNINGS);
                break;
            }
            LOG.warnf("Knowledge graph warning: %s", w.describe());
        }
        return report;
    }

    private void publish(String version, SparqlBackend backend, List<GraphInfo> graphs, Map<String, String> prefixes,
            boolean graphsFromStore) {
        GraphSnapshot next = prepare(version, backend, graphs, prefixes, graphsFromStore);
        long entailedCount = countEntailed(next);
        entailed = entailedCount;
        metrics.triples(next.graphs().stream().mapToLong(GraphInfo::triples).sum(), entailedCount);
        current.set(next);
        prepareLookups(next);
        ready = true;
    }

    /**
     * The profile's name lookups are built on first use, off the reload path; start building them now, beside the
     * version just served, so that the first question after a reload rarely waits for them.
     */
    private void prepareLookups(GraphSnapshot next) {
        try {
            validator.execute(() -> next.profile().names().prepare());
        } catch (RejectedExecutionException e) {
            // stopping: the first lookup builds them, if one comes
        }
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
        if (report.changed() || !report.success()) {
            metrics.reloaded(report.success(), report.duration());
        }
        lastReload = report;
        if (report.success()) {
            lastRejectedVersion = null;
            lastErrors = Map.of();
        } else {
            Map<String, String> errors = new HashMap<>();
            report.problems().forEach(p -> errors.merge(String.valueOf(p.file()), p.describe(), (a, b) -> a));
            lastErrors = errors;
        }
        return report;
    }

    private static long countEntailed(GraphSnapshot snapshot) {
        try {
            var result = snapshot.query(QueryFactory.create(
                    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + GraphSnapshot.ENTAILED_GRAPH + "> { ?s ?p ?o } }"));
            if (result.rows().isEmpty()) {
                return 0;
            }
            var n = result.rows().get(0).get(Var.alloc("n"));
            return n == null ? 0 : Long.parseLong(n.getLiteralLexicalForm());
        } catch (RuntimeException e) {
            LOG.debugf("Could not count the entailed triples: %s", e.getMessage());
            return 0;
        }
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
