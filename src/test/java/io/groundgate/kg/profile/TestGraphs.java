package io.groundgate.kg.profile;

import java.nio.file.Path;
import java.util.Map;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;

/** The fictional test graphs of {@code src/test/resources/graphs}, and profiles built straight from a Jena dataset. */
public final class TestGraphs {

    public static final Path ENTERPRISE = Path.of("src/test/resources/graphs/enterprise");
    public static final Path OWL_SMALL = Path.of("src/test/resources/graphs/owl-small");
    public static final String ACME = "https://example.org/acme#";
    public static final String FAUNA = "https://example.org/fauna#";

    private TestGraphs() {
    }

    /** A profile of one Turtle text, read into an in-memory dataset (no entailment). */
    public static GraphProfile profileOf(String turtle, int samplePerClass) {
        return profileOf(turtle, samplePerClass, false);
    }

    /** The same, read directly or, with {@code viaSparql}, through SELECT queries as from a remote endpoint. */
    public static GraphProfile profileOf(String turtle, int samplePerClass, boolean viaSparql) {
        DatasetGraph ds = DatasetGraphFactory.create();
        RDFDataMgr.read(ds.getDefaultGraph(), new java.io.StringReader(turtle), null, org.apache.jena.riot.Lang.TURTLE);
        return ProfileBuilder.build(rows(ds, viaSparql), "test", Map.of("ex", "https://example.org/t#"),
                samplePerClass).profile();
    }

    /** A profile of the files of a folder, read into an in-memory dataset (no entailment). */
    public static GraphProfile profileOfFolder(Path folder, Map<String, String> prefixes) {
        return profileOfFolder(folder, prefixes, false);
    }

    /** The same, read directly or, with {@code viaSparql}, through SELECT queries as from a remote endpoint. */
    public static GraphProfile profileOfFolder(Path folder, Map<String, String> prefixes, boolean viaSparql) {
        DatasetGraph ds = DatasetGraphFactory.create();
        try (var files = java.nio.file.Files.list(folder)) {
            files.filter(f -> f.toString().endsWith(".ttl")).forEach(f -> RDFDataMgr.read(ds.getDefaultGraph(),
                    f.toString()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ProfileBuilder.build(rows(ds, viaSparql), "test", prefixes, ProfileBuilder.DEFAULT_SAMPLE).profile();
    }

    private static GraphRows rows(DatasetGraph ds, boolean viaSparql) {
        if (!viaSparql) {
            return GraphRows.of(ds);
        }
        return GraphRows.sparql((query, row) -> {
            try (QueryExec exec = QueryExec.dataset(ds).query(query).build()) {
                RowSet rows = exec.select();
                while (rows.hasNext()) {
                    row.accept(rows.next());
                }
            }
        });
    }
}
