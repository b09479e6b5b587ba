package io.groundgate.kg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The query guard and the guarded regex on a real in-memory dataset, without HTTP: a catastrophic pattern ends at the
 * timeout through the same {@link GraphSnapshot#query} every entry point uses, guarded REGEX and REPLACE answer exactly
 * as Jena's own, and the depth limit refuses chains before Jena recurses.
 */
class QueryGuardTest {

    static final String EVIL_TEXT = "\"" + "a".repeat(32) + "!\"";
    static final String EVIL = "\"^(.*a){16}$\"";

    static GraphSnapshot snapshot(Duration timeout) {
        return new GraphSnapshot("test", java.time.Instant.now(),
                new DatasetBackend(DatasetGraphFactory.createTxnMem(), false), timeout, 1000, 100,
                new KgMetrics(new SimpleMeterRegistry()), List.of(), Prefixes.STANDARD);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT (REGEX(%TEXT%, %EVIL%) AS ?m) WHERE {}",
            "SELECT ?x WHERE { BIND(%TEXT% AS ?x) FILTER regex(?x, %EVIL%) }",
            "SELECT (REPLACE(%TEXT%, %EVIL%, \"b\") AS ?r) WHERE {}",
            "SELECT (SAMPLE(REPLACE(%TEXT%, %EVIL%, \"b\")) AS ?r) WHERE {}",
            "SELECT (COUNT(*) AS ?n) WHERE {} HAVING (REGEX(%TEXT%, %EVIL%))",
            "ASK { FILTER EXISTS { BIND(%TEXT% AS ?x) FILTER regex(?x, %EVIL%, \"i\") } }",
            "SELECT * WHERE { { SELECT ?x WHERE { BIND(%TEXT% AS ?x) FILTER regex(?x, %EVIL%) } } }",
    })
    void aCatastrophicRegexEndsAtTheTimeout(String template) {
        GraphSnapshot s = snapshot(Duration.ofMillis(300));
        Query q = SparqlGuard.parse(template.replace("%TEXT%", EVIL_TEXT).replace("%EVIL%", EVIL));
        long start = System.nanoTime();
        SparqlException e = catchThrowableOfType(() -> s.query(q, Map.of(), QueryLimits.SERVER_MAX),
                SparqlException.class);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(SparqlException.Kind.TIMEOUT);
        assertThat(ms).as("ended after %d ms", ms).isLessThan(2_300);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT ?r WHERE { VALUES ?x { \"abc-def\" \"x-y\"@en \"a.b\" \"AbC\" } BIND(REPLACE(?x, \"(\\\\w+)-(\\\\w+)\", \"$2+$1\") AS ?r) }",
            "SELECT ?r WHERE { VALUES ?x { \"a.b\" \"aXb\" } BIND(REPLACE(?x, \".\", \"_\", \"q\") AS ?r) }",
            "SELECT ?x WHERE { VALUES ?x { \"AbC\" \"abc\" \"xyz\" \"a\\nbc\" } FILTER regex(?x, \"^a.?b\", \"is\") }",
            "SELECT ?x ?m WHERE { VALUES (?x ?p) { (\"abc\" \"b\") (\"abc\" \"^b\") (\"a b\" \"a b\") } BIND(regex(?x, ?p, \"x\") AS ?m) }",
            "SELECT ?r WHERE { VALUES ?x { 1 <urn:x> \"a\" } BIND(REPLACE(?x, \"a\", \"b\") AS ?r) }",
            "SELECT ?r WHERE { BIND(REPLACE(\"abc\", \"b\", \"$9\") AS ?r) }",
    })
    void guardedRegexAnswersAsJenasOwn(String text) {
        Query q = SparqlGuard.parse(text);
        Model empty = ModelFactory.createDefaultModel();
        List<String> expected;
        try (var exec = QueryExecutionFactory.create(q, empty)) {
            expected = rows(exec.execSelect());
        }
        List<String> actual = new java.util.ArrayList<>();
        for (Binding b : snapshot(Duration.ofSeconds(5)).query(q, Map.of(), QueryLimits.SERVER_MAX).rows()) {
            actual.add(b.toString());
        }
        assertThat(actual).isEqualTo(expected);
    }

    private static List<String> rows(ResultSet rs) {
        List<String> out = new java.util.ArrayList<>();
        while (rs.hasNext()) {
            out.add(org.apache.jena.sparql.engine.binding.BindingLib.asBinding(rs.next()).toString());
        }
        return out;
    }

    @Test
    void theRewriteReachesEveryPlaceAnExpressionCanBe() {
        Query q = QueryFactory.create("SELECT (REGEX(?x, \"a\") AS ?m) (SAMPLE(REPLACE(?x, \"a\", \"b\")) AS ?s) WHERE {"
                + " ?x ?p ?o FILTER regex(?o, \"x\") BIND(REPLACE(?o, \"y\", \"z\") AS ?z)"
                + " FILTER EXISTS { { SELECT ?o WHERE { ?o ?q ?r FILTER regex(?r, \"q\") } } } }"
                + " GROUP BY ?x HAVING (regex(?x, \"h\")) ORDER BY (REPLACE(?x, \"o\", \"p\"))");
        Query copy = GuardedRegex.rewrite(q);
        int[] guarded = { 0 };
        int[] plain = { 0 };
        org.apache.jena.sparql.algebra.Op op = org.apache.jena.sparql.algebra.Algebra.compile(copy);
        org.apache.jena.sparql.algebra.walker.Walker.walk(op, new org.apache.jena.sparql.algebra.OpVisitorBase(), new org.apache.jena.sparql.expr.ExprVisitorBase() {
            @Override
            public void visit(org.apache.jena.sparql.expr.ExprFunctionN f) {
                if (f instanceof GuardedRegex.Match || f instanceof GuardedRegex.Replace) {
                    guarded[0]++;
                } else if (f instanceof org.apache.jena.sparql.expr.E_Regex
                        || f instanceof org.apache.jena.sparql.expr.E_StrReplace) {
                    plain[0]++;
                }
            }
        });
        assertThat(plain[0]).as("unguarded").isZero();
        assertThat(guarded[0]).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aParsedQueryIsScannedForRegexOnceHoweverOftenItRuns() {
        GraphSnapshot s = snapshot(Duration.ofSeconds(5));
        Query template = QueryFactory.create("SELECT ?x WHERE { BIND(?v AS ?x) }");
        long before = GuardedRegex.scans();
        for (int i = 0; i < 5; i++) {
            var rows = s.query(template, Map.of(org.apache.jena.sparql.core.Var.alloc("v"),
                    org.apache.jena.graph.NodeFactory.createLiteralString("v" + i)), QueryLimits.SERVER_MAX).rows();
            assertThat(rows).hasSize(1);
        }
        assertThat(GuardedRegex.scans() - before).isEqualTo(1);
        // an equal text parsed again is another query object: scanned again, not mistaken for the first
        s.query(QueryFactory.create("SELECT ?x WHERE { BIND(?v AS ?x) }"), Map.of(), QueryLimits.SERVER_MAX);
        assertThat(GuardedRegex.scans() - before).isEqualTo(2);
    }

    @Test
    void aRegexQueryRunAgainIsGuardedAgain() {
        GraphSnapshot s = snapshot(Duration.ofMillis(300));
        Query q = QueryFactory.create("SELECT (REGEX(" + EVIL_TEXT + ", " + EVIL + ") AS ?m) WHERE {}");
        for (int i = 0; i < 2; i++) {
            SparqlException e = catchThrowableOfType(() -> s.query(q, Map.of(), QueryLimits.SERVER_MAX),
                    SparqlException.class);
            assertThat(e).isNotNull();
            assertThat(e.kind()).isEqualTo(SparqlException.Kind.TIMEOUT);
        }
    }
}
