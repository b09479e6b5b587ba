package io.groundgate.tools.declarative;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.groundgate.watch.FolderWatcher;

import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.tools.Tool;
import io.groundgate.tools.ToolProvider;
import io.groundgate.tools.calculator.Calculator;
import io.quarkus.runtime.StartupEvent;

/**
 * Serves the tools defined by files in {@code groundgate.tools.declarative.paths}, reloading them when the files
 * change. A file that does not validate is refused with its line and column; whatever it defined before keeps serving
 * until it is fixed, and the other files are unaffected.
 */
@ApplicationScoped
public class DeclarativeToolProvider implements ToolProvider {

    private static final Logger LOG = Logger.getLogger(DeclarativeToolProvider.class);

    private final List<Path> roots;
    private final boolean watch;
    private final Duration pollInterval;
    private final Duration debounce;
    private final KnowledgeGraph kg;
    private final Calculator calculator;
    private final Supplier<Set<String>> builtInNames;
    private final DefinitionParser parser = new DefinitionParser();
    /** Per file, the last definition that validated, so a broken edit does not take a working tool away. */
    private final Map<String, ToolDefinition> lastGood = new HashMap<>();
    private volatile Map<String, DeclarativeTool> tools = Map.of();
    private volatile ReloadStatus status;
    private volatile boolean loadedOnce;
    private FolderWatcher watcher;

    @Inject
    public DeclarativeToolProvider(DeclarativeToolsConfig config, KnowledgeGraph kg, Calculator calculator,
            Instance<Tool> builtIns) {
        this(config.paths().stream().map(Path::of).toList(), config.watch(), config.pollInterval(), config.debounce(),
                kg, calculator, () -> names(builtIns));
    }

    DeclarativeToolProvider(List<Path> roots, boolean watch, Duration pollInterval, Duration debounce,
            KnowledgeGraph kg, Calculator calculator, Supplier<Set<String>> builtInNames) {
        this.roots = List.copyOf(roots);
        this.watch = watch;
        this.pollInterval = pollInterval;
        this.debounce = debounce;
        this.kg = kg;
        this.calculator = calculator;
        this.builtInNames = builtInNames;
        this.status = new ReloadStatus(Instant.now(), "none", paths(), List.of(), List.of(), List.of(), false);
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    /** Loads the files once and starts watching them. */
    void start() {
        warmUpCalculator();
        reload("startup");
        if (watch) {
            watcher = new FolderWatcher("declarative tools", roots, () -> ToolFiles.fingerprint(roots), pollInterval,
                    debounce, () -> reload("watch"));
            watcher.start();
        }
    }

    /** Loads the calculator's unit tables now, so the first tool call is not charged for it against its time budget. */
    private void warmUpCalculator() {
        try {
            calculator.evaluate("1 g/cm^3 * 1 L in kg");
        } catch (RuntimeException e) {
            LOG.debugf("Calculator warm-up: %s", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (watcher != null) {
            watcher.stop();
        }
    }

    @Override
    public Collection<Tool> tools() {
        return List.copyOf(tools.values());
    }

    /** Whether the files have been loaded at least once (the readiness check waits for it). */
    public boolean loadedOnce() {
        return loadedOnce;
    }

    /** The latest reload's outcome. */
    public ReloadStatus status() {
        return status;
    }

    /** Reads every file again and publishes the new set; refused files keep their last good version. */
    public synchronized ReloadStatus reload(String trigger) {
        Set<String> reserved = builtInNames.get();
        Map<String, DeclarativeTool> next = new LinkedHashMap<>();
        Map<String, String> owner = new HashMap<>();
        List<ReloadStatus.FileStatus> files = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<ToolFiles.Entry> entries = ToolFiles.list(roots);
        Set<String> present = new TreeSet<>();
        for (ToolFiles.Entry entry : entries) {
            present.add(entry.name());
            ToolDefinition definition;
            FileProblem problem = null;
            try {
                definition = parser.parse(entry.name(), read(entry.path()));
            } catch (DefinitionException e) {
                problem = new FileProblem(entry.name(), e.line, e.column, e.getMessage());
                definition = lastGood.get(entry.name());
            } catch (IOException e) {
                problem = new FileProblem(entry.name(), 0, 0, "Cannot read the file: " + e.getMessage());
                definition = lastGood.get(entry.name());
            }
            if (definition != null && problem == null) {
                String clash = reserved.contains(definition.name()) ? "the built-in tool"
                        : owner.containsKey(definition.name()) ? owner.get(definition.name()) : null;
                if (clash != null) {
                    problem = new FileProblem(entry.name(), 1, 1, "The tool name '" + definition.name()
                            + "' is already taken by " + clash + "; choose another name.");
                    definition = null;
                } else {
                    lastGood.put(entry.name(), definition);
                }
            } else if (definition != null && (reserved.contains(definition.name())
                    || owner.containsKey(definition.name()))) {
                definition = null;
            }
            if (definition != null) {
                owner.put(definition.name(), entry.name());
                next.put(definition.name(), new DeclarativeTool(definition, kg, calculator));
            }
            if (problem != null) {
                errors.add(problem.describe());
                LOG.warnf("Refused tool file %s%s", problem.describe(), definition != null
                        ? "; its last good version keeps serving" : "");
            }
            String state = problem == null ? "loaded" : definition != null ? "kept" : "refused";
            files.add(new ReloadStatus.FileStatus(entry.name(), state, definition == null ? null : definition.name(),
                    problem));
        }
        lastGood.keySet().retainAll(present);
        tools = Map.copyOf(next);
        loadedOnce = true;
        status = new ReloadStatus(Instant.now(), trigger, paths(), new TreeSet<>(next.keySet()).stream().toList(),
                files, errors, true);
        LOG.infof("Declarative tools (%s): %d served from %d files, %d problems", trigger, next.size(),
                entries.size(), errors.size());
        return status;
    }

    private List<String> paths() {
        return roots.stream().map(Path::toString).toList();
    }

    private static String read(Path path) throws IOException {
        if (Files.size(path) > ToolFiles.MAX_BYTES) {
            throw new IOException("larger than " + ToolFiles.MAX_BYTES / 1024 + " KB");
        }
        return Files.readString(path, StandardCharsets.UTF_8);
    }

    private static Set<String> names(Instance<Tool> builtIns) {
        Set<String> names = new TreeSet<>();
        builtIns.forEach(t -> names.add(t.spec().name()));
        return names;
    }
}
