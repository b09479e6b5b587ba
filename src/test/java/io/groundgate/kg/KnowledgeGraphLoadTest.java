package io.groundgate.kg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.jena.sparql.core.Var;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnowledgeGraphLoadTest {

    static final String EX = "https://example.org/widgets#";

    @TempDir
    Path dir;
    KnowledgeGraph kg;

    @BeforeEach
    void load() {
        TestConfig.copyFixture("basic", dir);
        kg = TestConfig.started(TestConfig.memory(dir));
    }

    @AfterEach
    void stop() {
        kg.stop();
    }

    private List<String> select(String query, String var) {
        SparqlResult r = kg.snapshot().query(SparqlGuard.parse(query));
        return r.rows().stream().map(b -> {
            var n = b.get(Var.alloc(var));
            return n.isURI() ? n.getURI() : n.getLiteralLexicalForm();
        }).sorted().toList();
    }

    @Test
    void loadsEveryFormatIntoItsOwnNamedGraph() {
        assertThat(kg.ready()).isTrue();
        assertThat(kg.snapshot().graphs()).extracting(GraphInfo::file).containsExactlyInAnyOrder("extra.jsonld",
                "more.nt", "ontology.ttl", "places.rdf", "quads.trig", "turtle.owl", "vocab.owl", "widgets.ttl");
        assertThat(select("SELECT ?g WHERE { GRAPH ?g { <" + EX + "flange> ?p ?o } }", "g"))
                .containsOnly("urn:groundgate:graph:extra.jsonld");
        assertThat(select("SELECT ?l WHERE { GRAPH <urn:groundgate:graph:quads.trig> { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } }", "l"))
                .containsExactly("Lever Epsilon");
        assertThat(select("SELECT ?c WHERE { ?c a <http://www.w3.org/2002/07/owl#Class> FILTER(?c IN (<" + EX
                + "Thingamajig>, <" + EX + "Doohickey>)) }", "c")).containsExactly(EX + "Doohickey", EX + "Thingamajig");
        assertThat(kg.snapshot().graphs()).allSatisfy(g -> {
            assertThat(g.graph()).isEqualTo("urn:groundgate:graph:" + g.file());
            assertThat(g.triples()).isPositive();
            assertThat(g.hash()).hasSize(16);
        });
    }

    @Test
    void subclassAndSubpropertyEntailmentsAreQueryableInTheDefaultGraph() {
        assertThat(select("SELECT ?s WHERE { ?s a <" + EX + "Widget> }", "s")).contains(EX + "sprocket", EX + "cog",
                EX + "frame", EX + "flange", EX + "lever");
        assertThat(select("SELECT ?o WHERE { <" + EX + "sprocket> <" + EX + "partOf> ?o }", "o"))
                .containsExactly(EX + "frame");
        assertThat(select("SELECT ?g WHERE { GRAPH ?g { <" + EX + "sprocket> a <" + EX + "Widget> } }", "g"))
                .containsExactly(GraphSnapshot.ENTAILED_GRAPH);
    }

    @Test
    void sourcesComeFromTheDatasetDescriptionOfTheFactsGraph() {
        var info = kg.snapshot().graphs().stream().filter(g -> g.file().equals("widgets.ttl")).findFirst().orElseThrow();
        assertThat(info.sources()).containsExactly("https://example.org/sources/widget-catalogue");
        var fact = org.apache.jena.graph.Triple.create(org.apache.jena.graph.NodeFactory.createURI(EX + "frame"),
                org.apache.jena.graph.NodeFactory.createURI(EX + "madeIn"),
                org.apache.jena.graph.NodeFactory.createURI(EX + "zurich"));
        assertThat(kg.snapshot().sources(fact)).containsExactly("https://example.org/sources/widget-catalogue");
    }

    @Test
    void versionChangesWhenAFileChangesAndStaysWhenNothingChanges() throws Exception {
        String before = kg.snapshot().version();
        assertThat(kg.reload().changed()).isFalse();
        assertThat(kg.snapshot().version()).isEqualTo(before);
        Files.writeString(dir.resolve("more.nt"),
                "<" + EX + "cog> <http://www.w3.org/2000/01/rdf-schema#label> \"Cog Gamma Two\"@en .\n");
        ReloadReport report = kg.reload();
        assertThat(report.success()).isTrue();
        assertThat(report.changed()).isTrue();
        assertThat(kg.snapshot().version()).isNotEqualTo(before);
        var more = kg.snapshot().graphs().stream().filter(g -> g.file().equals("more.nt")).findFirst().orElseThrow();
        var onto = kg.snapshot().graphs().stream().filter(g -> g.file().equals("ontology.ttl")).findFirst().orElseThrow();
        assertThat(more.loadedAt()).isAfter(onto.loadedAt());
        assertThat(kg.snapshot().labels().exact("cog gamma two")).extracting(LabelHit::iri).containsExactly(EX + "cog");
    }

    @Test
    void brokenTurtleIsRejectedWithFileLineAndColumnAndTheLastGoodVersionKeepsServing() throws Exception {
        String before = kg.snapshot().version();
        Files.writeString(dir.resolve("widgets.ttl"), "@prefix ex: <https://example.org/widgets#> .\n"
                + "ex:sprocket ex:mass 2.0 .\nex:broken nope:mass 1 .\n");
        ReloadReport report = kg.reload();
        assertThat(report.success()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("widgets.ttl");
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(11);
            assertThat(p.message()).contains("nope");
        });
        assertThat(kg.snapshot().version()).isEqualTo(before);
        assertThat(select("SELECT ?m WHERE { <" + EX + "sprocket> <" + EX + "mass> ?m }", "m")).containsExactly("1.5");
        assertThat(kg.graphs()).filteredOn(g -> "widgets.ttl".equals(g.file())).singleElement()
                .satisfies(g -> assertThat(g.lastError()).contains("widgets.ttl:3:"));
        assertThat(kg.lastReload().success()).isFalse();
    }

    @Test
    void shaclViolationIsRejectedWithFocusNodePathAndFile() throws Exception {
        String before = kg.snapshot().version();
        Files.writeString(dir.resolve("bad.ttl"), "@prefix ex: <https://example.org/widgets#> .\n"
                + "ex:heavy a ex:Gadget ; <http://www.w3.org/2000/01/rdf-schema#label> \"Heavy\" ; ex:mass -3.0 .\n");
        ReloadReport report = kg.reload();
        assertThat(report.success()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("bad.ttl");
            assertThat(p.focusNode()).isEqualTo(EX + "heavy");
            assertThat(p.path()).contains(EX + "mass");
            assertThat(p.message()).isNotBlank();
        });
        assertThat(kg.snapshot().version()).isEqualTo(before);
    }

    @Test
    void bindingsAreSubstitutedAsTermsNotText() {
        var query = SparqlGuard.parse("SELECT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }");
        var hostile = org.apache.jena.graph.NodeFactory.createLiteralLang("x\"@en } ?s ?p ?o { ", "en");
        SparqlResult none = kg.snapshot().query(query, Map.of(Var.alloc("l"), hostile), QueryLimits.SERVER_MAX);
        assertThat(none.rows()).isEmpty();
        var cog = org.apache.jena.graph.NodeFactory.createLiteralLang("Cog Gamma", "en");
        SparqlResult one = kg.snapshot().query(query, Map.of(Var.alloc("l"), cog), QueryLimits.SERVER_MAX);
        assertThat(one.rows()).hasSize(1);
    }

    @Test
    void resultsAreCappedAndFlaggedAsTruncated() {
        SparqlResult r = kg.snapshot().query(SparqlGuard.parse("SELECT * WHERE { ?s ?p ?o }"), Map.of(),
                QueryLimits.of(null, 5));
        assertThat(r.rows()).hasSize(5);
        assertThat(r.truncated()).isTrue();
        SparqlResult g = kg.snapshot().query(SparqlGuard.parse("CONSTRUCT WHERE { ?s ?p ?o }"), Map.of(),
                QueryLimits.of(null, 3));
        assertThat(g.graph().size()).isEqualTo(3);
        assertThat(g.truncated()).isTrue();
    }

    @Test
    void describeGivesLabelledFactsBothWaysWithUnits() {
        EntityDescription d = kg.snapshot().describe(EX + "frame", 50);
        assertThat(d.label()).isEqualTo("Frame Beta");
        assertThat(d.types()).contains(EX + "Widget");
        assertThat(d.outgoing()).anySatisfy(f -> {
            assertThat(f.triple().getPredicate().getURI()).isEqualTo(EX + "mass");
            assertThat(f.unit()).isEqualTo("kg");
            assertThat(f.predicateLabel()).isEqualTo("mass");
            assertThat(f.graphs()).containsExactly("urn:groundgate:graph:widgets.ttl");
        });
        assertThat(d.outgoing()).anySatisfy(f -> assertThat(f.objectLabel()).isEqualTo("Zürich"));
        assertThat(d.incoming()).anySatisfy(f -> {
            assertThat(f.triple().getSubject().getURI()).isEqualTo(EX + "sprocket");
            assertThat(f.subjectLabel()).isEqualTo("Sprocket Alpha");
        });
        assertThat(d.sources()).contains("https://example.org/sources/widget-catalogue");
        assertThat(kg.snapshot().describe(EX + "frame", 2).truncated()).isTrue();
    }
}
