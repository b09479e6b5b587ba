package io.groundgate.kg.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Without an admin key: status is readable, edits are refused, and the readiness check reports the graph. */
@QuarkusTest
class KgOpenAdminTest {

    @Test
    void statusIsOpenButEditsAreForbidden() {
        given().get("/admin/kg").then().statusCode(200).body("ready", equalTo(true));
        given().contentType("text/turtle").body("<urn:a> <urn:b> <urn:c> .".getBytes(StandardCharsets.UTF_8))
                .queryParam("graph", "x.ttl").put("/admin/graphs").then().statusCode(403)
                .body("error.type", equalTo("permission_error"));
        given().queryParam("graph", "x.ttl").delete("/admin/graphs").then().statusCode(403);
    }

    @Test
    void metricsReportReloadsTriplesAndQueryDurations() {
        given().queryParam("query", "ASK { ?s ?p ?o }").get("/sparql").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("groundgate_kg_reloads_total{outcome=\"success\"}"))
                .body(containsString("groundgate_kg_triples"))
                .body(containsString("groundgate_kg_reload_duration_seconds_count"))
                .body(containsString("groundgate_sparql_query_duration_seconds_count{form=\"ASK\""));
    }

    @Test
    void readinessIncludesTheKnowledgeGraph() {
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("knowledge-graph"));
    }
}
