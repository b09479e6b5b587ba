package io.groundgate.kg.profile;

import java.nio.file.Path;
import java.util.Map;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

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
        DatasetGraph ds = DatasetGraphFactory.create();
        RDFDataMgr.read(ds.getDefaultGraph(), new java.io.StringReader(turtle), null, org.apache.jena.riot.Lang.TURTLE);
        return ProfileBuilder.build(GraphRows.of(ds), "test", Map.of("ex", "https://example.org/t#"), samplePerClass)
                .profile();
    }

    /** A profile of the files of a folder, read into an in-memory dataset (no entailment). */
    public static GraphProfile profileOfFolder(Path folder, Map<String, String> prefixes) {
        DatasetGraph ds = DatasetGraphFactory.create();
        try (var files = java.nio.file.Files.list(folder)) {
            files.filter(f -> f.toString().endsWith(".ttl")).forEach(f -> RDFDataMgr.read(ds.getDefaultGraph(),
                    f.toString()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ProfileBuilder.build(GraphRows.of(ds), "test", prefixes, ProfileBuilder.DEFAULT_SAMPLE).profile();
    }
}
