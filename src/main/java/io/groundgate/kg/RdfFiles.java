package io.groundgate.kg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.jboss.logging.Logger;

import io.groundgate.kg.validation.LocatingParser;
import io.groundgate.kg.validation.Positions;

/** Finding and parsing the graph's RDF files. */
final class RdfFiles {

    private static final Logger LOG = Logger.getLogger(RdfFiles.class);
    private static final Map<String, Lang> BY_EXTENSION = Map.of("ttl", Lang.TURTLE, "turtle", Lang.TURTLE, "rdf",
            Lang.RDFXML, "nt", Lang.NTRIPLES, "jsonld", Lang.JSONLD, "trig", Lang.TRIG, "nq", Lang.NQUADS, "n3",
            Lang.TURTLE);

    private RdfFiles() {
    }

    /** The syntax for a file name: empty when it is not RDF, null inside when it must be sniffed ({@code .owl}). */
    static Optional<Optional<Lang>> langOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (ext.equals("owl")) {
            return Optional.of(Optional.empty());
        }
        Lang lang = BY_EXTENSION.get(ext);
        return lang == null ? Optional.empty() : Optional.of(Optional.of(lang));
    }

    /** The syntax of a {@code .owl} file: RDF/XML when it starts like XML, else Turtle. */
    static Lang sniff(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 512), StandardCharsets.UTF_8).stripLeading();
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1).stripLeading();
        }
        return head.startsWith("<?xml") || head.startsWith("<rdf:RDF") || head.startsWith("<!DOCTYPE")
                || head.startsWith("<!--") ? Lang.RDFXML : Lang.TURTLE;
    }

    /**
     * The RDF files under a folder (or the file itself), following symbolic links, skipping hidden entries (such as a
     * Kubernetes ConfigMap's {@code ..data}) and the excluded folders.
     */
    static List<SourceFile> scan(Path root, List<Path> excluded, boolean skipShapesFolders) {
        List<SourceFile> files = new ArrayList<>();
        if (!Files.exists(root)) {
            return files;
        }
        if (Files.isRegularFile(root)) {
            String name = root.getFileName().toString();
            langOf(name).ifPresent(l -> files.add(new SourceFile(root, name, SourceFile.graphIri(name), l.orElse(null))));
            return files;
        }
        Path base = root.toAbsolutePath().normalize();
        try {
            Files.walkFileTree(base, EnumSet.of(FileVisitOption.FOLLOW_LINKS), 16, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(base)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String name = dir.getFileName().toString();
                    if (name.startsWith(".") || (skipShapesFolders && name.equals("shapes")) || isExcluded(dir, excluded)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String fileName = file.getFileName().toString();
                    if (fileName.startsWith(".") || !attrs.isRegularFile() || isExcluded(file, excluded)) {
                        return FileVisitResult.CONTINUE;
                    }
                    langOf(fileName).ifPresent(l -> {
                        String name = base.relativize(file).toString().replace('\\', '/');
                        files.add(new SourceFile(file, name, SourceFile.graphIri(name), l.orElse(null)));
                    });
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    LOG.debugf("Skipping %s: %s", file, e.getMessage());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warnf("Could not list %s: %s", root, e.getMessage());
        }
        files.sort(Comparator.comparing(SourceFile::name));
        return files;
    }

    private static boolean isExcluded(Path path, List<Path> excluded) {
        Path p = path.toAbsolutePath().normalize();
        for (Path e : excluded) {
            if (p.startsWith(e)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The outcome of parsing one file: a graph, its prefixes and where each triple was written, or the problems that
     * refuse it (a syntax error, or ill-typed literals).
     */
    record Parsed(Graph graph, Map<String, String> prefixes, Positions positions, List<LoadProblem> problems) {

        /** The first problem, or null. */
        LoadProblem problem() {
            return problems.isEmpty() ? null : problems.get(0);
        }

        static Parsed failed(LoadProblem problem) {
            return new Parsed(null, Map.of(), Positions.none(), List.of(problem));
        }
    }

    /** Parses a file's content into a fresh graph; TriG and N-Quads are flattened into it. */
    static Parsed parse(String name, Lang declared, byte[] content) {
        Lang lang = declared != null ? declared : sniff(content);
        try {
            LocatingParser.Result r = LocatingParser.parse(name, lang, content);
            if (!r.illTyped().isEmpty()) {
                return new Parsed(null, r.prefixes(), r.positions(), r.illTyped().stream()
                        .map(f -> LoadProblem.syntax(f.file(), f.line(), f.column(), f.message())).toList());
            }
            return new Parsed(r.graph(), r.prefixes(), r.positions(), List.of());
        } catch (RiotParseException e) {
            return Parsed.failed(LoadProblem.syntax(name, e.getLine(), e.getCol(),
                    lang.getName() + " syntax error: " + e.getOriginalMessage()));
        } catch (RiotException e) {
            return Parsed.failed(LoadProblem.of(name, lang.getName() + " syntax error: " + e.getMessage()));
        } catch (RuntimeException e) {
            return Parsed.failed(LoadProblem.of(name, "Could not parse as " + lang.getName() + ": " + e));
        }
    }
}
