package io.groundgate.kg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.sparql.graph.GraphFactory;

import io.groundgate.kg.validation.Positions;
import io.groundgate.kg.validation.SourceGraph;
import io.groundgate.kg.validation.TermCheck;

/**
 * Reads, parses and validates the graph's files: every version passes through here, whether it comes from the folders,
 * from a watch event or from an edit.
 */
final class GraphLoader {

    /** A file's bytes and their hash; null bytes mean "keep the last good parse of this file" (see {@link #read}). */
    record FileContent(SourceFile file, byte[] bytes, String hash) {
    }

    /**
     * Everything read from the folders, with the version it would make.
     *
     * @param pending files left as they were served because they are empty (an unfinished write), one note each
     */
    record Inputs(List<FileContent> data, List<FileContent> shapes, String version, List<LoadProblem> problems,
            List<LoadProblem> pending) {
    }

    /** One parsed file, with where each of its triples was written. */
    record ParsedFile(SourceFile file, String hash, Graph graph, Positions positions) {

        SourceGraph source() {
            return new SourceGraph(file.name(), graph, positions);
        }
    }

    /** A parsed and validated version, or the problems that rejected it. */
    record Loaded(List<ParsedFile> files, Graph union, Graph entailed, Graph shapes, Map<String, String> prefixes,
            String version, List<LoadProblem> problems) {

        Loaded withProblems(List<LoadProblem> more) {
            List<LoadProblem> all = new ArrayList<>(problems);
            all.addAll(more);
            return new Loaded(files, union, entailed, shapes, prefixes, version, all);
        }

        boolean ok() {
            return problems.isEmpty();
        }

        long triples() {
            return union.size();
        }
    }

    private final List<Path> roots;
    private final List<Path> shapesRoots;
    private final boolean entailment;
    /** The files of the version being served, to keep serving a file while it is empty. */
    private volatile Map<String, ParsedFile> lastGood = Map.of();

    GraphLoader(List<Path> roots, List<Path> shapesRoots, boolean entailment) {
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.shapesRoots = shapesRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.entailment = entailment;
    }

    /** Remembers the files of the version now served. */
    void served(List<ParsedFile> files) {
        Map<String, ParsedFile> byName = new LinkedHashMap<>();
        // positions are only needed while a version is checked; a served version keeps its graphs, not its line index
        files.forEach(f -> byName.put(f.file().name(), new ParsedFile(f.file(), f.hash(), f.graph(), Positions.none())));
        lastGood = Map.copyOf(byName);
    }

    /** The files of the version being served, by name. */
    Map<String, ParsedFile> lastGood() {
        return lastGood;
    }

    List<Path> roots() {
        return roots;
    }

    List<Path> shapesRoots() {
        return shapesRoots;
    }

    List<SourceFile> dataFiles() {
        List<SourceFile> files = new ArrayList<>();
        for (Path root : roots) {
            files.addAll(RdfFiles.scan(root, shapesRoots, true));
        }
        return files;
    }

    List<SourceFile> shapeFiles() {
        List<SourceFile> files = new ArrayList<>();
        for (Path root : shapesRoots) {
            files.addAll(RdfFiles.scan(root, List.of(), false));
        }
        return files;
    }

    /** The data file serving a graph, given by file name or graph IRI. */
    Optional<SourceFile> find(String graph) {
        return dataFiles().stream().filter(f -> f.name().equals(graph) || f.graph().equals(graph)).findFirst();
    }

    /**
     * A cheap fingerprint of the folders (paths, link targets, sizes, modification times) to detect changes without
     * reading files; a ConfigMap's {@code ..data} swap changes the link targets.
     */
    String fingerprint() {
        StringBuilder s = new StringBuilder();
        List<SourceFile> all = new ArrayList<>(dataFiles());
        all.addAll(shapeFiles());
        for (SourceFile f : all) {
            s.append(f.path()).append('|');
            try {
                s.append(f.path().toRealPath()).append('|').append(Files.size(f.path())).append('|')
                        .append(Files.getLastModifiedTime(f.path()).toMillis());
                s.append('|').append(Files.getLastModifiedTime(f.path(), LinkOption.NOFOLLOW_LINKS).toMillis());
            } catch (IOException e) {
                s.append("unreadable");
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** Reads the current files. */
    Inputs read() {
        return read(Map.of());
    }

    /**
     * Reads the files, with some replaced: {@code overrides} maps a file name to new content, or to null to leave the
     * file out. A name that does not exist yet is added to the first folder.
     */
    Inputs read(Map<String, byte[]> overrides) {
        List<LoadProblem> problems = new ArrayList<>();
        List<LoadProblem> pending = new ArrayList<>();
        Map<String, FileContent> data = new LinkedHashMap<>();
        for (SourceFile f : dataFiles()) {
            if (data.containsKey(f.name())) {
                problems.add(LoadProblem.of(f.name(), "Two folders hold a file with this name; graph names must be unique."));
                continue;
            }
            if (overrides.containsKey(f.name())) {
                byte[] content = overrides.get(f.name());
                if (content != null) {
                    data.put(f.name(), content(f, content));
                }
                continue;
            }
            readInto(f, data, problems);
            FileContent read = data.get(f.name());
            if (read != null && isBlank(read.bytes())) {
                keepLastGood(f, data, pending);
            }
        }
        overrides.forEach((name, content) -> {
            if (content != null && !data.containsKey(name) && !roots.isEmpty()) {
                Path path = roots.get(0).resolve(name);
                SourceFile f = new SourceFile(path, name, SourceFile.graphIri(name),
                        RdfFiles.langOf(name).flatMap(l -> l).orElse(null));
                data.put(name, content(f, content));
            }
        });
        Map<String, FileContent> shapes = new LinkedHashMap<>();
        for (SourceFile f : shapeFiles()) {
            readInto(f, shapes, problems);
        }
        return new Inputs(List.copyOf(data.values()), List.copyOf(shapes.values()),
                version(data.values(), shapes.values()), problems, pending);
    }

    /**
     * An empty file is an unfinished write (an editor truncating before it writes, a copy in progress), not a new
     * version: the file keeps its last good content until it has content again; a new empty file is left out.
     */
    private void keepLastGood(SourceFile f, Map<String, FileContent> data, List<LoadProblem> pending) {
        ParsedFile previous = lastGood.get(f.name());
        if (previous == null) {
            data.remove(f.name());
            pending.add(LoadProblem.of(f.name(), "The file is empty: treated as an unfinished write and left out"
                    + " until it has content."));
            return;
        }
        data.put(f.name(), new FileContent(f, null, previous.hash()));
        pending.add(LoadProblem.of(f.name(), "The file is empty: treated as an unfinished write; its last good content ("
                + previous.graph().size() + " triples) keeps serving until it has content again. To remove the"
                + " graph, delete the file (or DELETE /admin/graphs?graph=" + f.name() + ")."));
    }

    /** Nothing but whitespace (and a byte-order mark). */
    static boolean isBlank(byte[] bytes) {
        if (bytes.length > 4096) {
            return false;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.replace("\uFEFF", "").isBlank();
    }

    private static void readInto(SourceFile f, Map<String, FileContent> into, List<LoadProblem> problems) {
        try {
            into.put(f.name(), content(f, Files.readAllBytes(f.path())));
        } catch (IOException e) {
            problems.add(LoadProblem.of(f.name(), "Could not read the file: " + e.getMessage()));
        }
    }

    private static FileContent content(SourceFile f, byte[] bytes) {
        return new FileContent(f, bytes, hash(bytes));
    }

    private String version(Iterable<FileContent> data, Iterable<FileContent> shapes) {
        StringBuilder s = new StringBuilder("entailment=").append(entailment).append('\n');
        data.forEach(f -> s.append("data:").append(f.file().name()).append(':').append(f.hash()).append('\n'));
        shapes.forEach(f -> s.append("shapes:").append(f.file().name()).append(':').append(f.hash()).append('\n'));
        return hash(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Parses every file and the shapes, adds the entailments, and validates the union against the shapes. */
    Loaded load(Inputs inputs) {
        Loaded loaded = parse(inputs);
        return loaded.ok() ? loaded.withProblems(validate(loaded)) : loaded;
    }

    /** Parses every file and the shapes and adds the entailments; syntax problems only, no SHACL yet. */
    Loaded parse(Inputs inputs) {
        List<LoadProblem> problems = new ArrayList<>(inputs.problems());
        List<ParsedFile> files = new ArrayList<>();
        Map<String, String> prefixes = new LinkedHashMap<>();
        for (FileContent f : inputs.data()) {
            if (f.bytes() == null) {
                ParsedFile kept = lastGood.get(f.file().name());
                if (kept != null) {
                    files.add(kept);
                } else {
                    problems.add(LoadProblem.of(f.file().name(), "The file is empty and has no earlier content."));
                }
                continue;
            }
            RdfFiles.Parsed parsed = RdfFiles.parse(f.file().name(), f.file().lang(), f.bytes());
            if (parsed.problem() != null) {
                problems.addAll(parsed.problems());
            } else {
                files.add(new ParsedFile(f.file(), f.hash(), parsed.graph(), parsed.positions()));
                parsed.prefixes().forEach(prefixes::putIfAbsent);
            }
        }
        Graph shapesGraph = GraphFactory.createDefaultGraph();
        for (FileContent f : inputs.shapes()) {
            RdfFiles.Parsed parsed = RdfFiles.parse("shapes/" + f.file().name(), f.file().lang(), f.bytes());
            if (parsed.problem() != null) {
                problems.addAll(parsed.problems());
            } else {
                parsed.graph().find().forEach(shapesGraph::add);
            }
        }
        Prefixes.STANDARD.forEach(prefixes::putIfAbsent);
        prefixes.remove("");
        Graph union = GraphFactory.createDefaultGraph();
        Graph entailed = GraphFactory.createDefaultGraph();
        if (!problems.isEmpty()) {
            return new Loaded(files, union, entailed, shapesGraph, prefixes, inputs.version(), problems);
        }
        for (ParsedFile f : files) {
            f.graph().find().forEach(union::add);
        }
        if (entailment) {
            entailed = RdfsLite.entailments(union);
            entailed.find().forEach(union::add);
        }
        return new Loaded(files, union, entailed, shapesGraph, prefixes, inputs.version(), problems);
    }

    /** SHACL-validates a parsed version (the union with its entailments) against its shapes. */
    List<LoadProblem> validate(Loaded loaded) {
        if (loaded.shapes().isEmpty()) {
            return List.of();
        }
        Shapes shapes;
        try {
            shapes = Shapes.parse(loaded.shapes());
        } catch (RuntimeException e) {
            return List.of(LoadProblem.of("shapes", "The SHACL shapes are invalid: " + e.getMessage()));
        }
        return ShaclCheck.validate(shapes, loaded.shapes(), loaded.union(), sources(loaded),
                iri -> Prefixes.compact(iri, loaded.prefixes()));
    }

    /** Warnings that do not reject a version: undeclared terms and literals contradicting a declared range. */
    List<LoadProblem> warnings(Loaded loaded) {
        return TermCheck.check(sources(loaded), iri -> Prefixes.compact(iri, loaded.prefixes())).stream()
                .map(f -> LoadProblem.syntax(f.file(), f.line(), f.column(), f.message())).toList();
    }

    private static List<SourceGraph> sources(Loaded loaded) {
        return loaded.files().stream().map(ParsedFile::source).toList();
    }

    static String hash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
