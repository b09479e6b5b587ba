package io.groundgate.kg.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@TestProfile(KgFixtureProfile.class)
class KgAdminTest {

    static final String EX = "https://example.org/widgets#";
    static final String PREFIXES = "@prefix ex: <" + EX + "> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n";

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + KgFixtureResource.ADMIN_KEY);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String version() {
        return admin().get("/admin/kg").then().statusCode(200).extract().path("version");
    }

    private static boolean ask(String query) {
        return given().accept("application/sparql-results+json").queryParam("query", query).get("/sparql").then()
                .statusCode(200).extract().path("boolean");
    }

    @Test
    void statusListsTheServedVersionAndGraphs() {
        admin().get("/admin/kg").then().statusCode(200).body("ready", equalTo(true))
                .body("version", notNullValue()).body("store", equalTo("memory"))
                .body("graphs.file", hasItem("widgets.ttl"))
                .body("graphs.find { it.file == 'widgets.ttl' }.graph", equalTo("urn:groundgate:graph:widgets.ttl"))
                .body("graphs.find { it.file == 'widgets.ttl' }.version_hash", notNullValue())
                .body("graphs.find { it.file == 'widgets.ttl' }.loaded_at", notNullValue())
                .body("last_reload.success", equalTo(true));
    }

    @Test
    void theProfileIsServedAsJsonAndAsTextForTheServedVersion() {
        String version = version();
        admin().get("/admin/kg/profile").then().statusCode(200).contentType("application/json")
                .body("version", equalTo(version))
                .body("classes.iri", hasItem(EX + "Widget"))
                .body("classes.find { it.iri == '" + EX + "Widget' }.properties.property", hasItem(EX + "mass"))
                .body("properties.iri", hasItem(EX + "mass"))
                .body("stats.names", notNullValue());
        admin().queryParam("format", "text").get("/admin/kg/profile").then().statusCode(200)
                .contentType(containsString("text/plain")).body(containsString("PREFIX"))
                .body(containsString("[instances"));
        admin().queryParam("format", "text").queryParam("class", EX + "Widget").get("/admin/kg/profile").then()
                .statusCode(200).body(containsString("mass"));
        admin().queryParam("format", "xml").get("/admin/kg/profile").then().statusCode(400)
                .body("error.param", equalTo("format"));
        admin().queryParam("format", "text").queryParam("class", EX + "Nope").get("/admin/kg/profile").then()
                .statusCode(404).body("error.code", equalTo("class_not_found"));
        given().get("/admin/kg/profile").then().statusCode(401).body("error.type", equalTo("authentication_error"));
    }

    @Test
    void adminCallsWithoutTheKeyAreUnauthorised() {
        given().get("/admin/kg").then().statusCode(401).body("error.type", equalTo("authentication_error"));
        given().contentType("text/turtle").body(bytes(PREFIXES + "ex:x rdfs:label \"X\" .")).queryParam("graph", "x.ttl")
                .put("/admin/graphs").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").queryParam("graph", "widgets.ttl").delete("/admin/graphs")
                .then().statusCode(401);
        assertThat(Files.exists(KgFixtureResource.folder.resolve("widgets.ttl"))).isTrue();
    }

    @Test
    void putCreatesPostMergesGetReadsAndDeleteRemovesAGraph() throws Exception {
        String before = version();
        admin().contentType("text/turtle").body(bytes(PREFIXES + "ex:knob a ex:Widget ; rdfs:label \"Knob Zeta\"@en ."))
                .queryParam("graph", "edit-knob.ttl").put("/admin/graphs").then().statusCode(201)
                .body("graph", equalTo("urn:groundgate:graph:edit-knob.ttl")).body("created", equalTo(true))
                .body("version", not(equalTo(before)));
        assertThat(Files.readString(KgFixtureResource.folder.resolve("edit-knob.ttl"))).contains("Knob Zeta");
        assertThat(ask("ASK { <" + EX + "knob> a <" + EX + "Widget> }")).isTrue();

        admin().contentType("application/n-triples")
                .body(bytes("<" + EX + "knob> <" + EX + "mass> \"0.25\"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n"))
                .queryParam("graph", "urn:groundgate:graph:edit-knob.ttl").post("/admin/graphs").then().statusCode(200)
                .body("created", equalTo(false));
        admin().accept("application/n-triples").queryParam("graph", "edit-knob.ttl").get("/admin/graphs").then()
                .statusCode(200).body(containsString("Knob Zeta")).body(containsString("0.25"));

        admin().queryParam("graph", "edit-knob.ttl").delete("/admin/graphs").then().statusCode(200);
        assertThat(Files.exists(KgFixtureResource.folder.resolve("edit-knob.ttl"))).isFalse();
        assertThat(ask("ASK { <" + EX + "knob> ?p ?o }")).isFalse();
        admin().queryParam("graph", "edit-knob.ttl").delete("/admin/graphs").then().statusCode(404)
                .body("error.code", equalTo("graph_not_found"));
        admin().queryParam("graph", "edit-knob.ttl").get("/admin/graphs").then().statusCode(404);
    }

    @Test
    void brokenBodyIsRefusedWithLineAndColumnAndNothingChanges() throws Exception {
        String before = version();
        String original = Files.readString(KgFixtureResource.folder.resolve("more.nt"));
        admin().contentType("text/turtle").body(bytes(PREFIXES + "ex:cog rdfs:label \"ok\" .\nex:cog nope:x 1 .\n"))
                .queryParam("graph", "more.nt").put("/admin/graphs").then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error")).body("error.code", equalTo("invalid_graph"))
                .body("error.message", containsString("more.nt (request body):4:8"));
        assertThat(Files.readString(KgFixtureResource.folder.resolve("more.nt"))).isEqualTo(original);
        assertThat(version()).isEqualTo(before);
    }

    @Test
    void shaclViolationIsRefusedWithTheReport() throws Exception {
        String before = version();
        admin().contentType("text/turtle").body(bytes(PREFIXES + "ex:bad a ex:Widget ; rdfs:label \"Bad\" ; ex:mass -1.0 ."))
                .queryParam("graph", "edit-bad.ttl").put("/admin/graphs").then().statusCode(400)
                .body("error.message", containsString("SHACL violation at " + EX + "bad"))
                .body("error.message", containsString("edit-bad.ttl"));
        assertThat(Files.exists(KgFixtureResource.folder.resolve("edit-bad.ttl"))).isFalse();
        assertThat(version()).isEqualTo(before);
    }

    @Test
    void aDryRunReportsWhatTheEditWouldDoAndServesNothing() throws Exception {
        String before = version();
        String lastReload = admin().get("/admin/kg").then().extract().path("last_reload.at");
        byte[] valid = bytes(PREFIXES + "ex:dial a ex:Widget ; rdfs:label \"Dial\"@en ; ex:mass 0.5 .");
        admin().contentType("text/turtle").body(valid).queryParam("graph", "edit-dial.ttl").queryParam("dry-run", "true")
                .put("/admin/graphs").then().statusCode(200)
                .body("dry_run", equalTo(true)).body("served", equalTo(false)).body("created", equalTo(true))
                .body("file", equalTo("edit-dial.ttl")).body("version", equalTo(before))
                .body("reload.trigger", equalTo("dry-run")).body("reload.success", equalTo(true))
                .body("reload.outcome", equalTo("valid")).body("reload.changed", equalTo(false))
                .body("reload.errors", hasSize(0))
                .body("reload.changes.find { it.file == 'edit-dial.ttl' }.status", equalTo("added"))
                .body("reload.changes.find { it.file == 'edit-dial.ttl' }.after", equalTo(3));
        assertThat(version()).isEqualTo(before);
        assertThat(Files.exists(KgFixtureResource.folder.resolve("edit-dial.ttl"))).isFalse();
        assertThat(ask("ASK { <" + EX + "dial> ?p ?o }")).isFalse();
        assertThat((String) admin().get("/admin/kg").then().extract().path("last_reload.at")).isEqualTo(lastReload);

        // a body that does not parse: the same located problem the real call refuses with, and nothing changes
        String original = Files.readString(KgFixtureResource.folder.resolve("more.nt"));
        admin().contentType("text/turtle").body(bytes(PREFIXES + "ex:cog rdfs:label \"ok\" .\nex:cog nope:x 1 .\n"))
                .queryParam("graph", "more.nt").queryParam("dry-run", "true").put("/admin/graphs").then().statusCode(200)
                .body("dry_run", equalTo(true)).body("served", equalTo(false)).body("created", equalTo(false))
                .body("reload.success", equalTo(false)).body("reload.outcome", equalTo("rejected"))
                .body("reload.errors[0].file", equalTo("more.nt (request body)"))
                .body("reload.errors[0].line", equalTo(4)).body("reload.errors[0].column", equalTo(8))
                .body("version", equalTo(before));
        // a SHACL violation in a merge, asked with a bare ?dry-run (no value: still only a dry run): at its focus node
        admin().contentType("text/turtle").body(bytes(PREFIXES + "ex:bad a ex:Widget ; rdfs:label \"Bad\" ; ex:mass -1.0 ."))
                .urlEncodingEnabled(false).post("/admin/graphs?graph=widgets.ttl&dry-run").then().statusCode(200)
                .body("reload.outcome", equalTo("rejected")).body("reload.errors.focus_node", hasItem(EX + "bad"));
        assertThat(Files.readString(KgFixtureResource.folder.resolve("more.nt"))).isEqualTo(original);
        assertThat(version()).isEqualTo(before);
        assertThat((String) admin().get("/admin/kg").then().extract().path("last_reload.at")).isEqualTo(lastReload);

        // the dry run has the real call's auth, and takes true or false only
        given().contentType("text/turtle").body(valid).queryParam("graph", "edit-dial.ttl").queryParam("dry-run", "true")
                .put("/admin/graphs").then().statusCode(401).body("error.type", equalTo("authentication_error"));
        admin().contentType("text/turtle").body(valid).queryParam("graph", "edit-dial.ttl").queryParam("dry-run", "maybe")
                .put("/admin/graphs").then().statusCode(400).body("error.type", equalTo("invalid_request_error"))
                .body("error.param", equalTo("dry-run")).body("error.code", equalTo("invalid_parameter"));
        assertThat(Files.exists(KgFixtureResource.folder.resolve("edit-dial.ttl"))).isFalse();

        // then the real call serves what the dry run validated
        admin().contentType("text/turtle").body(valid).queryParam("graph", "edit-dial.ttl").queryParam("dry-run", "false")
                .put("/admin/graphs").then().statusCode(201).body("dry_run", equalTo(false))
                .body("served", equalTo(true)).body("reload.outcome", equalTo("served"))
                .body("version", not(equalTo(before)));
        assertThat(ask("ASK { <" + EX + "dial> a <" + EX + "Widget> }")).isTrue();
        admin().queryParam("graph", "edit-dial.ttl").delete("/admin/graphs").then().statusCode(200);
    }

    @Test
    void badNamesAndMediaTypesAreClientErrors() {
        admin().contentType("text/turtle").body(bytes(PREFIXES)).queryParam("graph", "../escape.ttl")
                .put("/admin/graphs").then().statusCode(400).body("error.code", equalTo("invalid_graph_name"));
        admin().contentType("text/turtle").body(bytes(PREFIXES)).queryParam("graph", "notes.txt").put("/admin/graphs")
                .then().statusCode(400);
        admin().contentType("application/pdf").body(bytes("%PDF")).queryParam("graph", "x.ttl").put("/admin/graphs")
                .then().statusCode(415).body("error.type", equalTo("invalid_request_error"));
        admin().contentType("text/turtle").body(bytes(PREFIXES)).put("/admin/graphs").then().statusCode(400)
                .body("error.param", equalTo("graph"));
    }
}
