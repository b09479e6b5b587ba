package io.groundgate.kg;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.GSP;
import org.jboss.logging.Logger;

/**
 * A SPARQL 1.1 endpoint. With a Graph Store Protocol URL each validated version is pushed there (a PUT per named graph,
 * plus the union into the default graph unless the endpoint unions by itself); without one the endpoint's own data is
 * served and the local files are not read.
 */
final class RemoteStore implements GraphStore {

    private static final Logger LOG = Logger.getLogger(RemoteStore.class);

    private final String queryUrl;
    private final Optional<String> gspUrl;
    private final boolean unionDefaultGraph;
    private final Optional<String> authorization;
    private final HttpBackend backend;
    private final Set<String> pushed = new HashSet<>();

    RemoteStore(KgConfig.Remote config) {
        this.queryUrl = config.queryUrl().filter(u -> !u.isBlank()).orElseThrow(() -> new IllegalStateException(
                "groundgate.kg.store=remote needs groundgate.kg.remote.query-url"));
        this.gspUrl = config.gspUrl().filter(u -> !u.isBlank());
        this.unionDefaultGraph = config.unionDefaultGraph();
        this.authorization = HttpBackend.basicAuth(config.username(), config.password());
        this.backend = new HttpBackend(queryUrl, authorization);
    }

    @Override
    public boolean usesLocalFiles() {
        return gspUrl.isPresent();
    }

    @Override
    public synchronized SparqlBackend publish(GraphLoader.Loaded loaded) {
        String gsp = gspUrl.orElseThrow();
        Set<String> now = new HashSet<>();
        for (GraphLoader.ParsedFile f : loaded.files()) {
            gsp(gsp).graphName(f.file().graph()).PUT(f.graph());
            now.add(f.file().graph());
        }
        gsp(gsp).graphName(GraphSnapshot.ENTAILED_GRAPH).PUT(loaded.entailed());
        now.add(GraphSnapshot.ENTAILED_GRAPH);
        for (String old : pushed) {
            if (!now.contains(old)) {
                try {
                    gsp(gsp).graphName(old).DELETE();
                } catch (RuntimeException e) {
                    LOG.warnf("Could not delete graph %s at %s: %s", old, gsp, e.getMessage());
                }
            }
        }
        pushed.clear();
        pushed.addAll(now);
        if (!unionDefaultGraph) {
            gsp(gsp).defaultGraph().PUT(loaded.union());
        }
        LOG.infof("Pushed %d graphs to %s", now.size(), gsp);
        return backend;
    }

    private GSP gsp(String url) {
        GSP gsp = GSP.service(url);
        authorization.ifPresent(a -> gsp.httpHeader("Authorization", a));
        return gsp;
    }

    @Override
    public Stored external() {
        long count;
        try (QueryExec exec = backend.build(QueryFactory.create("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"), null,
                Duration.ofSeconds(60))) {
            RowSet rows = exec.select();
            count = rows.hasNext() ? ((Number) rows.next().get(Var.alloc("n")).getLiteralValue()).longValue() : 0;
        }
        String version = GraphLoader.hash((queryUrl + "|" + count).getBytes(StandardCharsets.UTF_8));
        return new Stored(version, backend, List.of(), Prefixes.STANDARD);
    }
}
