package io.groundgate.kg;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The knowledge graph: where its files live, which store serves it, and the limits on queries. */
@ConfigMapping(prefix = "groundgate.kg")
public interface KgConfig {

    /**
     * Folders (or single files) whose RDF files make up the graph, relative to the working directory. Each file becomes
     * a named graph {@code urn:groundgate:graph:<path relative to its folder>}; the default graph is their union plus
     * RDFS entailments. Hidden entries (names starting with {@code .}) and folders named {@code shapes} are skipped.
     */
    @WithDefault("ontologies")
    List<String> paths();

    /** Folders (or files) holding the SHACL shapes every version of the graph must conform to. */
    @WithDefault("ontologies/shapes")
    List<String> shapesPaths();

    /** Which store serves queries: {@code memory}, {@code tdb2} (on disk) or {@code remote} (a SPARQL endpoint). */
    @WithDefault("memory")
    StoreKind store();

    /** Whether to materialise RDFS-lite entailments (rdf:type over rdfs:subClassOf, rdfs:subPropertyOf) at load time. */
    @WithDefault("true")
    boolean entailment();

    /** Language tags preferred for labels, best first; labels without a language tag rank with the first one. */
    @WithDefault("en")
    List<String> languages();

    /** The longest time any SPARQL query may run; a caller's own timeout is capped by it. */
    @WithDefault("10s")
    Duration queryTimeout();

    /** The most result rows (or triples, for CONSTRUCT and DESCRIBE) any query returns; more are cut off as truncated. */
    @WithDefault("10000")
    int maxRows();

    /** The longest SPARQL query text accepted, in characters. */
    @WithDefault("100000")
    int maxQueryLength();

    /**
     * How deeply a SPARQL query may nest or chain: brackets in the text, and the operators a group, UNION, OPTIONAL chain,
     * expression or property path compiles to. Deeper queries are refused with a 400 before they are parsed or run
     * (Jena recurses per level, so 5,000 UNIONs would overflow the stack).
     */
    @WithDefault("100")
    int maxQueryDepth();

    /** Whether to watch the folders and reload on change (WatchService plus a periodic poll). */
    @WithDefault("true")
    boolean watch();

    /** How often the folders are polled for changes, as a fallback for file systems the WatchService misses. */
    @WithDefault("2s")
    Duration pollInterval();

    /** How long the folders must be quiet after a change before the graph reloads. */
    @WithDefault("300ms")
    Duration debounce();

    /**
     * The shrink guard: the largest share (0..1) by which a reload from the folders may shrink the dataset's asserted
     * triples without confirmation (net: a changed value is no shrink); a deleted file counts as removing all of its
     * graph, so it is held whatever its size. Triples that only moved to another file (a rename) are not removed. A version beyond it is held, the last good
     * version keeps serving, and {@code GET /admin/kg} lists what would be removed (triple delta per graph) until the
     * admin confirms with {@code POST /admin/kg/reload?accept-removal=true}. 1 turns the guard off; edits through
     * {@code /admin/graphs} are explicit and never held. Empty files are never a removal: they are unfinished writes and
     * keep their last good content.
     */
    @WithDefault("0.2")
    double maxShrink();

    /** The TDB2 store. */
    Tdb2 tdb2();

    /** The remote store. */
    Remote remote();

    /** Stores that can serve the graph. */
    enum StoreKind {
        /** In memory: fastest, bounded by the heap. */
        MEMORY,
        /** TDB2 on disk: for graphs larger than memory; unchanged files are not re-imported after a restart. */
        TDB2,
        /** A SPARQL 1.1 endpoint such as Fuseki. */
        REMOTE
    }

    /** The TDB2 store. */
    interface Tdb2 {
        /** The TDB2 database folder; created when missing. */
        @WithDefault("data/tdb2")
        String location();
    }

    /** A remote SPARQL 1.1 endpoint. */
    interface Remote {
        /** The SPARQL query endpoint, e.g. {@code http://fuseki:3030/ds/query}; required when {@code store=remote}. */
        Optional<String> queryUrl();

        /**
         * The SPARQL Graph Store Protocol endpoint, e.g. {@code http://fuseki:3030/ds/data}. When set, every validated
         * version of the local files is pushed there, one named graph per file; without it the endpoint's data is
         * served as it is and the local files are not read.
         */
        Optional<String> gspUrl();

        /** Whether the endpoint's default graph already is the union of its named graphs; if not, the union is pushed to it too. */
        @WithDefault("false")
        boolean unionDefaultGraph();

        /** User name for HTTP basic authentication at the endpoint. */
        Optional<String> username();

        /** Password for HTTP basic authentication at the endpoint. */
        Optional<String> password();
    }
}
