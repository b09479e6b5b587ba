package io.groundgate.kg.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * Hostile SPARQL through {@code /sparql}: catastrophic regexes stop at the timeout, SERVICE is refused wherever it
 * hides (once, without flooding the log), deep or long chains are refused before Jena recurses, and dataset clauses are
 * refused with a message that says what to do instead. The fixture's query timeout is 1 s.
 */
@QuarkusTest
@TestProfile(KgFixtureProfile.class)
class SparqlAbuseTest {

    static final String EX = "https://example.org/widgets#";
    /** 32 a's and a '!': java.util.regex backtracks through (.*a){16} for about a minute. */
    static final String EVIL_TEXT = "\"" + "a".repeat(32) + "!\"";
    static final String EVIL = "\"^(.*a){16}$\"";
    /** The timeout (1 s) plus a grace for a loaded machine; the unguarded regex took a minute. */
    static final long ANSWER_WITHIN_MS = 5_000;

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static ValidatableResponse sparql(String query) {
        return given().accept("application/sparql-results+json").queryParam("query", query).get("/sparql").then();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT (REGEX(%TEXT%, %EVIL%) AS ?m) WHERE {}",
            "SELECT ?x WHERE { BIND(%TEXT% AS ?x) FILTER regex(?x, %EVIL%) }",
            "SELECT ?x WHERE { BIND(%TEXT% AS ?x) FILTER regex(?x, %EVIL%, \"i\") }",
            "SELECT (REPLACE(%TEXT%, %EVIL%, \"b\") AS ?r) WHERE {}",
            "SELECT ?s (COUNT(IF(REGEX(%TEXT%, %EVIL%), 1, 0)) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s",
            "SELECT ?s WHERE { ?s ?p ?o } GROUP BY ?s HAVING (REGEX(%TEXT%, %EVIL%))",
            "SELECT ?s WHERE { ?s <" + EX + "mass>/^<" + EX + "mass> ?o FILTER EXISTS { FILTER regex(%TEXT%, %EVIL%) } }",
            "SELECT * WHERE { { SELECT ?r WHERE { BIND(REPLACE(%TEXT%, %EVIL%, \"$1\") AS ?r) } } }",
            "ASK { FILTER(regex(%TEXT%, %EVIL%)) }",
            "SELECT ?s WHERE { ?s ?p ?o } ORDER BY (REGEX(%TEXT%, %EVIL%))",
    })
    void aCatastrophicRegexStopsAtTheTimeoutAndLeavesNoThreadBurning(String template) throws Exception {
        String query = template.replace("%TEXT%", EVIL_TEXT).replace("%EVIL%", EVIL);
        long start = System.nanoTime();
        sparql(query).statusCode(504).body("error.code", equalTo("sparql_timeout"))
                .body("error.type", equalTo("timeout_error"));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(ms).as("answered after %d ms", ms).isLessThan(ANSWER_WITHIN_MS);
        assertThat(regexThreadsAfter(500)).as("threads still matching").isEmpty();
    }

    /** Threads found inside java.util.regex at each of a few samples over {@code ms}: a stuck matcher shows in all. */
    private static List<String> regexThreadsAfter(long ms) throws InterruptedException {
        List<String> stuck = null;
        for (int sample = 0; sample < 5; sample++) {
            Thread.sleep(ms / 5);
            List<String> now = new ArrayList<>();
            for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
                for (StackTraceElement frame : t.getStackTrace()) {
                    if (frame.getClassName().startsWith("java.util.regex.")) {
                        now.add(t.getThreadName());
                        break;
                    }
                }
            }
            if (stuck == null) {
                stuck = now;
            } else {
                stuck.retainAll(now);
            }
        }
        return stuck;
    }

    @Test
    void guardedRegexAndReplaceKeepTheirMeaning() {
        sparql("SELECT ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER regex(?l, \"^sprocket\", \"i\") }")
                .statusCode(200).body("results.bindings.l.value", org.hamcrest.Matchers.hasItem("Sprocket Alpha"));
        sparql("SELECT (REPLACE(\"abc-def\"@en, \"(\\\\w+)-(\\\\w+)\", \"$2 $1\") AS ?r) WHERE {}").statusCode(200)
                .body("results.bindings[0].r.value", equalTo("def abc"))
                .body("results.bindings[0].r.'xml:lang'", equalTo("en"));
        sparql("SELECT (REGEX(\"a.b\", \".\", \"q\") AS ?q) (REGEX(\"ab\", \"A\") AS ?c) WHERE {}").statusCode(200)
                .body("results.bindings[0].q.value", equalTo("true")).body("results.bindings[0].c.value", equalTo("false"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT ?a WHERE {?a ?b ?c} GROUP BY ?a HAVING (EXISTS {SERVICE <http://127.0.0.1:1/x> {?s ?p ?o}})",
            "SELECT ?a WHERE {?a ?b ?c BIND(EXISTS {SERVICE <http://127.0.0.1:1/x> {?s ?p ?o}} AS ?e)}",
            "SELECT ?a WHERE {?a ?b ?c FILTER NOT EXISTS {SERVICE SILENT <http://127.0.0.1:1/x> {?s ?p ?o}}}",
            "SELECT (EXISTS {SERVICE <http://127.0.0.1:1/x> {?s ?p ?o}} AS ?e) WHERE {?a ?b ?c}",
            "SELECT ?a WHERE {?a ?b ?c} ORDER BY (EXISTS {SERVICE <http://127.0.0.1:1/x> {?s ?p ?o}})",
            "SELECT * WHERE { { SELECT ?a WHERE {?a ?b ?c} GROUP BY ?a HAVING (EXISTS {SERVICE <http://127.0.0.1:1/x> {?s ?p ?o}}) } }",
            "ASK { ?a ?b ?c MINUS { SERVICE <http://127.0.0.1:1/x> {?a ?p ?o} } }",
            "CONSTRUCT { ?a ?b ?c } WHERE { ?a ?b ?c OPTIONAL { GRAPH ?g { SERVICE <http://127.0.0.1:1/x> {?a ?p ?o} } } }",
    })
    void serviceIsRefusedOnceWhereverItHides(String query) {
        AtomicInteger records = new AtomicInteger();
        Handler counter = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                    records.incrementAndGet();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(counter);
        try {
            sparql(query).statusCode(400).body("error.code", equalTo("sparql_refused"))
                    .body("error.message", containsString("SERVICE"));
        } finally {
            root.removeHandler(counter);
        }
        assertThat(records.get()).as("log records while refusing").isLessThanOrEqualTo(1);
    }

    @Test
    void longChainsAndDeepNestingAreRefusedBeforeJenaRecurses() {
        String unions = "SELECT * WHERE { {?s ?p ?o} " + "UNION {?s ?p ?o} ".repeat(5000) + "}";
        String optionals = "SELECT * WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o } ".repeat(2500) + "}";
        String braces = "SELECT * WHERE " + "{".repeat(3000) + "?s ?p ?o" + "}".repeat(3000);
        String parens = "SELECT * WHERE { ?s ?p ?o FILTER(" + "(".repeat(3000) + "1" + ")".repeat(3000) + ") }";
        String sum = "SELECT * WHERE { ?s ?p ?o FILTER(1" + "+1".repeat(20000) + " > 0) }";
        String path = "SELECT * WHERE { ?s <" + EX + "p>" + ("/<" + EX + "p>").repeat(3000) + " ?o }";
        String nestedExists = "SELECT * WHERE { ?s ?p ?o " + "FILTER EXISTS { ".repeat(400) + "?s ?p ?o"
                + " }".repeat(400) + " }";
        for (String query : List.of(unions, optionals, braces, parens, sum, path, nestedExists)) {
            given().contentType("application/sparql-query").body(utf8(query)).post("/sparql").then().statusCode(400)
                    .body("error.code", equalTo("sparql_refused"))
                    .body("error.message", containsString("groundgate.kg.max-query-depth"))
                    .body("error.message", not(emptyOrNullString()));
        }
    }

    @Test
    void ordinaryNestingAndChainsStillRun() {
        String unions = "SELECT * WHERE { {?s ?p ?o} " + "UNION {?s ?p ?o} ".repeat(40) + "} LIMIT 1";
        String optionals = "SELECT * WHERE { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o } ".repeat(30) + "} LIMIT 1";
        String braces = "SELECT * WHERE " + "{".repeat(30) + "?s ?p ?o" + "}".repeat(30) + " LIMIT 1";
        String strings = "SELECT * WHERE { ?s ?p ?o FILTER(?o != \"" + "{(".repeat(500) + "\") } LIMIT 1";
        for (String query : List.of(unions, optionals, braces, strings)) {
            given().contentType("application/sparql-query").body(utf8(query)).accept("application/sparql-results+json")
                    .post("/sparql").then().statusCode(200);
        }
    }

    @Test
    void unbalancedDeepBracketsGiveAMessage() {
        given().contentType("application/sparql-query").body(utf8("SELECT * WHERE " + "{".repeat(50))).post("/sparql")
                .then().statusCode(400).body("error.message", not(emptyOrNullString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT * FROM NAMED <urn:groundgate:graph:widgets.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }",
            "SELECT * FROM <urn:groundgate:graph:widgets.ttl> WHERE { ?s ?p ?o }",
            "SELECT * FROM <http://127.0.0.1:1/remote.ttl> WHERE { ?s ?p ?o }",
            "ASK FROM NAMED <x> { ?s ?p ?o }",
            "CONSTRUCT { ?s ?p ?o } FROM <x> WHERE { ?s ?p ?o }",
            "DESCRIBE ?s FROM <x> WHERE { ?s ?p ?o }",
    })
    void datasetClausesAreRefusedWithWhatToDoInstead(String query) {
        sparql(query).statusCode(400).body("error.code", equalTo("sparql_refused"))
                .body("error.message", containsString("FROM"))
                .body("error.message", containsString("GRAPH <urn:groundgate:graph:"));
    }

    @Test
    void graphSelectsOneServedFileWithoutLoadingAnything() {
        sparql("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:groundgate:graph:widgets.ttl> { ?s ?p ?o } }")
                .statusCode(200).body("results.bindings[0].n.value", not(equalTo("0")));
        sparql("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://127.0.0.1:1/remote.ttl> { ?s ?p ?o } }")
                .statusCode(200).body("results.bindings[0].n.value", equalTo("0"));
        given().contentType("application/sparql-update").body(utf8("DELETE WHERE { ?s ?p ?o }")).post("/sparql").then()
                .statusCode(400);
        sparql("WITH <x> DELETE { ?s ?p ?o } USING <x> WHERE { ?s ?p ?o }").statusCode(400)
                .body("error.code", equalTo("sparql_refused"));
    }

    @Test
    void javaFunctionsAreRefused() {
        sparql("SELECT (<java:java.lang.Runtime>(1) AS ?x) WHERE {}").statusCode(400)
                .body("error.code", equalTo("sparql_refused"));
        sparql("SELECT * WHERE { ?s <java:org.apache.jena.sparql.pfunction.library.splitIRI> (?a ?b) }")
                .statusCode(400).body("error.code", equalTo("sparql_refused"));
    }
}
