package io.groundgate.kg;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.jboss.logging.Logger;

/**
 * One TDB2 database on disk; its default graph is the union of the named graphs. A new version rewrites only the graphs
 * whose file changed, in one write transaction, so readers see the old or the new version, never a mix. A sidecar file
 * records what the database holds, so a restart with unchanged files reuses it without reading them.
 */
final class Tdb2Store implements GraphStore {

    private static final Logger LOG = Logger.getLogger(Tdb2Store.class);
    private static final String META = "groundgate-kg.properties";

    private final Path location;
    private final DatasetGraph dataset;
    private final DatasetBackend backend;

    Tdb2Store(Path location) {
        this.location = location;
        try {
            Files.createDirectories(location);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the TDB2 folder " + location + ": " + e.getMessage(), e);
        }
        this.dataset = DatabaseMgr.connectDatasetGraph(location.toString());
        this.backend = new DatasetBackend(dataset, true);
    }

    @Override
    public SparqlBackend publish(GraphLoader.Loaded loaded) {
        Properties old = readMeta();
        Properties meta = new Properties();
        Map<String, Graph> graphs = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        for (GraphLoader.ParsedFile f : loaded.files()) {
            graphs.put(f.file().graph(), f.graph());
            hashes.put(f.file().graph(), f.hash());
        }
        graphs.put(GraphSnapshot.ENTAILED_GRAPH, loaded.entailed());
        hashes.put(GraphSnapshot.ENTAILED_GRAPH, loaded.version());
        Txn.executeWrite(dataset, () -> {
            Set<Node> keep = new HashSet<>();
            graphs.keySet().forEach(g -> keep.add(NodeFactory.createURI(g)));
            List<Node> existing = new ArrayList<>();
            dataset.listGraphNodes().forEachRemaining(existing::add);
            for (Node g : existing) {
                if (!keep.contains(g)) {
                    dataset.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
                }
            }
            graphs.forEach((iri, graph) -> {
                if (hashes.get(iri).equals(old.getProperty("hash." + iri))) {
                    return;
                }
                Node g = NodeFactory.createURI(iri);
                dataset.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
                graph.find().forEach(t -> dataset.add(Quad.create(g, t)));
            });
        });
        meta.setProperty("version", loaded.version());
        int i = 0;
        for (GraphLoader.ParsedFile f : loaded.files()) {
            meta.setProperty("hash." + f.file().graph(), f.hash());
            meta.setProperty("graph." + i + ".iri", f.file().graph());
            meta.setProperty("graph." + i + ".file", f.file().name());
            meta.setProperty("graph." + i + ".triples", Long.toString(f.graph().size()));
            i++;
        }
        meta.setProperty("hash." + GraphSnapshot.ENTAILED_GRAPH, loaded.version());
        loaded.prefixes().forEach((p, ns) -> meta.setProperty("prefix." + p, ns));
        writeMeta(meta);
        return backend;
    }

    @Override
    public Optional<Stored> reuse(String version) {
        Properties meta = readMeta();
        if (!version.equals(meta.getProperty("version"))) {
            return Optional.empty();
        }
        List<GraphInfo> graphs = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; meta.getProperty("graph." + i + ".iri") != null; i++) {
            String iri = meta.getProperty("graph." + i + ".iri");
            graphs.add(new GraphInfo(meta.getProperty("graph." + i + ".file"), iri,
                    Long.parseLong(meta.getProperty("graph." + i + ".triples", "0")), meta.getProperty("hash." + iri),
                    now, null, List.of()));
        }
        Map<String, String> prefixes = new LinkedHashMap<>();
        meta.stringPropertyNames().stream().filter(k -> k.startsWith("prefix.")).sorted()
                .forEach(k -> prefixes.put(k.substring(7), meta.getProperty(k)));
        LOG.infof("TDB2 at %s already holds version %s; not re-importing", location, version);
        return Optional.of(new Stored(version, backend, graphs, prefixes));
    }

    private Properties readMeta() {
        Properties p = new Properties();
        Path file = location.resolve(META);
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                LOG.warnf("Cannot read %s: %s", file, e.getMessage());
            }
        }
        return p;
    }

    private void writeMeta(Properties meta) {
        Path file = location.resolve(META);
        Path tmp = location.resolve(META + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp)) {
            meta.store(w, "What the GroundGate TDB2 store holds");
        } catch (IOException e) {
            LOG.warnf("Cannot write %s: %s", tmp, e.getMessage());
            return;
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warnf("Cannot write %s: %s", file, e.getMessage());
        }
    }
}
