package io.groundgate.kg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Edits of one named graph (a subset of the SPARQL Graph Store Protocol): replace, merge or delete. Every edit is
 * validated like a reload of the whole resulting dataset (parse and SHACL), refused whole when invalid, written to the
 * file atomically, and served at once.
 */
@ApplicationScoped
public class GraphEditor {

    /** What an edit does. */
    public enum Mode {
        /** PUT: the graph becomes the body. */
        REPLACE,
        /** POST: the body's triples are added. */
        MERGE,
        /** DELETE: the file is removed. */
        DELETE
    }

    /**
     * The outcome of an accepted edit.
     *
     * @param file the file written or removed
     * @param graph its graph IRI
     * @param created whether the file is new
     * @param reload the reload that published the edit
     */
    public record Outcome(String file, String graph, boolean created, ReloadReport reload) {
    }

    /** Why an edit was refused. */
    public static final class EditException extends RuntimeException {

        /** The reasons. */
        public enum Reason {
            /** No such graph. */
            NOT_FOUND,
            /** The graph name cannot be a file of the graph. */
            BAD_NAME,
            /** The body or the resulting dataset does not parse or validate. */
            INVALID,
            /** The files cannot be written (read-only mount, or a remote store without files). */
            READ_ONLY
        }

        private final Reason reason;
        private final List<LoadProblem> problems;

        EditException(Reason reason, String message, List<LoadProblem> problems) {
            super(message, null, false, false);
            this.reason = reason;
            this.problems = List.copyOf(problems);
        }

        public Reason reason() {
            return reason;
        }

        public List<LoadProblem> problems() {
            return problems;
        }
    }

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final KnowledgeGraph kg;

    public GraphEditor(KnowledgeGraph kg) {
        this.kg = kg;
    }

    /** The served content of a graph named by file name or graph IRI, if there is such a graph. */
    public Optional<Graph> read(String graph) {
        String name = nameOf(graph);
        GraphSnapshot snapshot = kg.snapshot();
        return snapshot.graphs().stream().filter(g -> name.equals(g.file()) || graph.equals(g.graph())).findFirst()
                .map(g -> snapshot.copyOfGraph(g.graph()));
    }

    /**
     * Applies an edit.
     *
     * @param graph a file name ({@code elements.ttl}) or graph IRI ({@code urn:groundgate:graph:elements.ttl})
     * @param mode what to do
     * @param body the RDF content (ignored for DELETE)
     * @param lang the body's syntax (ignored for DELETE)
     * @throws EditException when refused
     */
    public Outcome edit(String graph, Mode mode, byte[] body, Lang lang) {
        String name = nameOf(graph);
        checkName(name);
        return kg.serialized(() -> {
            Target target = target(graph, name, mode);
            Candidate candidate = candidate(target, mode, body, lang);
            GraphLoader.Loaded loaded = candidate.loaded();
            if (!loaded.ok()) {
                throw new EditException(EditException.Reason.INVALID, "The edit was refused: "
                        + new ReloadReport(null, "edit", false, null, false, loaded.problems(), null).problemSummary(),
                        loaded.problems());
            }
            write(target.path(), candidate.content());
            ReloadReport report = kg.doReload("edit", loaded);
            return new Outcome(name, SourceFile.graphIri(name), target.created(), report);
        });
    }

    /**
     * Validates an edit exactly as {@link #edit} does (parse, SHACL, warnings, changes) against the version it would
     * serve, and writes and serves nothing: the report says what {@link #edit} would do. Refusals that are not about
     * the content (no such graph, bad name, no folder) are thrown as by {@link #edit}.
     */
    public Outcome dryRun(String graph, Mode mode, byte[] body, Lang lang) {
        String name = nameOf(graph);
        checkName(name);
        return kg.serialized(() -> {
            Instant at = Instant.now();
            long start = System.nanoTime();
            Target target = target(graph, name, mode);
            GraphLoader.Loaded loaded;
            try {
                loaded = candidate(target, mode, body, lang).loaded();
            } catch (EditException e) {
                if (e.reason() != EditException.Reason.INVALID) {
                    throw e;
                }
                return new Outcome(name, SourceFile.graphIri(name), target.created(),
                        kg.dryRun(null, e.problems(), at, start));
            }
            return new Outcome(name, SourceFile.graphIri(name), target.created(),
                    kg.dryRun(loaded, loaded.problems(), at, start));
        });
    }

    /** Where an edit goes. */
    private record Target(String name, Path path, boolean created, Optional<SourceFile> existing) {
    }

    /** The file's new content (null to remove it) and the whole dataset as it would be with it. */
    private record Candidate(byte[] content, GraphLoader.Loaded loaded) {
    }

    private Target target(String graph, String name, Mode mode) {
        GraphLoader loader = kg.loader();
        Optional<SourceFile> existing = loader.find(name);
        if (mode == Mode.DELETE && existing.isEmpty()) {
            throw new EditException(EditException.Reason.NOT_FOUND, "No graph '" + graph + "'.", List.of());
        }
        Path target = existing.map(SourceFile::path).orElseGet(() -> loader.roots().isEmpty() ? null
                : loader.roots().get(0).resolve(name));
        if (target == null || !Files.isDirectory(loader.roots().get(0)) && existing.isEmpty()) {
            throw new EditException(EditException.Reason.READ_ONLY, "There is no folder to write new graphs to.",
                    List.of());
        }
        return new Target(name, target, existing.isEmpty(), existing);
    }

    /** The edit's content and the whole dataset as it would be after it, parsed and SHACL-validated. */
    private Candidate candidate(Target target, Mode mode, byte[] body, Lang lang) {
        byte[] content = mode == Mode.DELETE ? null : newContent(target.name(), target.existing(), mode, body, lang);
        Map<String, byte[]> overrides = new HashMap<>();
        overrides.put(target.name(), content);
        GraphLoader loader = kg.loader();
        return new Candidate(content, loader.load(loader.read(overrides)));
    }

    private byte[] newContent(String name, Optional<SourceFile> existing, Mode mode, byte[] body, Lang lang) {
        RdfFiles.Parsed parsed = RdfFiles.parse(name, lang, body);
        if (parsed.problem() != null) {
            LoadProblem p = parsed.problem();
            LoadProblem inBody = new LoadProblem(name + " (request body)", p.line(), p.column(), p.message(), null, null);
            throw new EditException(EditException.Reason.INVALID, "The body does not parse: " + inBody.describe(),
                    List.of(inBody));
        }
        Lang targetLang = RdfFiles.langOf(name).flatMap(l -> l).orElse(null);
        byte[] current = null;
        if (existing.isPresent()) {
            try {
                current = Files.readAllBytes(existing.get().path());
            } catch (IOException e) {
                throw new EditException(EditException.Reason.READ_ONLY, "Cannot read " + name + ": " + e.getMessage(),
                        List.of());
            }
        }
        if (targetLang == null) {
            targetLang = current != null ? RdfFiles.sniff(current) : Lang.TURTLE;
        }
        if (mode == Mode.REPLACE) {
            return lang.equals(targetLang) ? body : serialize(parsed.graph(), parsed.prefixes(), targetLang);
        }
        Graph merged = GraphFactory.createDefaultGraph();
        Map<String, String> prefixes = new HashMap<>();
        if (current != null) {
            RdfFiles.Parsed old = RdfFiles.parse(name, targetLang, current);
            if (old.graph() != null) {
                old.graph().find().forEach(merged::add);
                prefixes.putAll(old.prefixes());
            }
        }
        parsed.graph().find().forEach(merged::add);
        parsed.prefixes().forEach(prefixes::putIfAbsent);
        return serialize(merged, prefixes, targetLang);
    }

    private static byte[] serialize(Graph graph, Map<String, String> prefixes, Lang lang) {
        graph.getPrefixMapping().setNsPrefixes(prefixes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (lang.equals(Lang.TURTLE)) {
            RDFWriter.source(graph).format(RDFFormat.TURTLE_PRETTY).output(out);
        } else {
            RDFWriter.source(graph).lang(lang).output(out);
        }
        return out.toByteArray();
    }

    private static void write(Path target, byte[] content) {
        try {
            if (content == null) {
                Files.deleteIfExists(target);
                return;
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.write(tmp, content);
                modeLike(tmp, target);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (AccessDeniedException e) {
            throw new EditException(EditException.Reason.READ_ONLY, "The graph folder is read-only: " + e.getFile(),
                    List.of());
        } catch (FileSystemException e) {
            throw new EditException(EditException.Reason.READ_ONLY, "Cannot write " + target.getFileName() + ": "
                    + e.getReason(), List.of());
        } catch (IOException e) {
            throw new EditException(EditException.Reason.READ_ONLY, "Cannot write " + target.getFileName() + ": "
                    + e.getMessage(), List.of());
        }
    }

    /** The file name a graph parameter names; not stripped, so that " x.ttl" is refused rather than taken as x.ttl. */
    /** A name for an error message, control characters shown as \\uXXXX and cut at 200 characters. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.substring(0, Math.min(name.length(), 200)).toCharArray()) {
            out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return name.length() > 200 ? out + "…" : out.toString();
    }

    /**
     * Gives a new file the mode the graph's files should have: the file it replaces keeps its mode, and a new graph
     * gets its folder's mode without execute bits (a 0755 folder gives 0644). A temporary file is created 0600, which
     * would hide the graph from a group that reads the folder.
     */
    static void modeLike(Path file, Path target) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> mode;
        if (Files.exists(target)) {
            mode = Files.getPosixFilePermissions(target);
        } else {
            mode = EnumSet.noneOf(PosixFilePermission.class);
            mode.addAll(Files.getPosixFilePermissions(target.getParent()));
            mode.removeAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
            mode.add(PosixFilePermission.OWNER_READ);
            mode.add(PosixFilePermission.OWNER_WRITE);
        }
        Files.setPosixFilePermissions(file, mode);
    }

    static String nameOf(String graph) {
        if (graph == null) {
            return "";
        }
        String g = graph;
        if (g.startsWith(SourceFile.GRAPH_PREFIX)) {
            g = URLDecoder.decode(g.substring(SourceFile.GRAPH_PREFIX.length()).replace("+", "%2B"),
                    StandardCharsets.UTF_8);
        }
        return g;
    }

    /**
     * Whether a name may be edited: folder and file names of letters, digits, '.', '_' and '-' that start with a letter
     * or digit, separated by '/', ending in an RDF extension, and no folder named {@code shapes}. So no spaces, control
     * characters, '~', '..', '%' or absolute paths: every file created can be named again to read or delete it.
     */
    static boolean isGraphFileName(String name) {
        if (name.isEmpty() || RdfFiles.langOf(name).isEmpty()) {
            return false;
        }
        for (String segment : name.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals("shapes")) {
                return false;
            }
        }
        return true;
    }

    private void checkName(String name) {
        if (!isGraphFileName(name)) {
            throw new EditException(EditException.Reason.BAD_NAME, "'" + printable(name) + "' is not a graph file name:"
                    + " use letters, digits, '.', '_' and '-', starting with a letter or digit (folders separated by"
                    + " '/'), and an RDF extension (.ttl, .nt, .rdf, .owl, .jsonld, .trig), e.g. my-graph.ttl; or the"
                    + " graph IRI urn:groundgate:graph:<file name>.", List.of());
        }
        if (!kg.usesLocalFiles()) {
            throw new EditException(EditException.Reason.READ_ONLY,
                    "The graph is served by a remote endpoint without local files; edit it there.", List.of());
        }
    }
}
