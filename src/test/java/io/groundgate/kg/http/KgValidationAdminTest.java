package io.groundgate.kg.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Expert-facing validation on reload, through {@code /admin/kg}: each mistake an expert makes in a file gets a located,
 * actionable message, and a refused version leaves the served graph as it was.
 */
@QuarkusTest
@TestProfile(RailFixtureProfile.class)
class KgValidationAdminTest {

    static final String PREFIXES = "@prefix rail: <https://example.org/rail#> .\n"
            + "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n\n";

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + KgFixtureResource.ADMIN_KEY);
    }

    private static JsonPath status() {
        return admin().get("/admin/kg").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath reload() {
        return admin().post("/admin/kg/reload").then().statusCode(200).extract().jsonPath();
    }

    private static void write(String file, String content) throws Exception {
        Files.writeString(KgFixtureResource.folder.resolve(file), content);
    }

    private static boolean ask(String where) {
        return given().accept("application/sparql-results+json")
                .queryParam("query", "PREFIX rail: <https://example.org/rail#> ASK { " + where + " }").get("/sparql")
                .then().statusCode(200).extract().path("boolean");
    }

    @AfterEach
    void removeEdits() throws Exception {
        boolean removed = false;
        for (String f : List.of("edit.ttl", "extra.ttl")) {
            removed |= Files.deleteIfExists(KgFixtureResource.folder.resolve(f));
        }
        if (removed) {
            admin().queryParam("accept-removal", "true").post("/admin/kg/reload").then().statusCode(200)
                    .body("success", equalTo(true));
        }
    }

    @Test
    void illTypedLiteralsAreRefusedWithFileLineAndColumnAndTheServedGraphStays() throws Exception {
        String before = status().getString("version");
        write("edit.ttl", PREFIXES + "rail:beta a rail:Station ;\n"
                + "    rail:platforms \"twenty-eight\"^^xsd:integer ;\n"
                + "    rail:elevation \"3.x\"^^xsd:decimal ;\n"
                + "    rail:opened \"2024-13-45\"^^xsd:date .\n");
        JsonPath reload = reload();
        assertThat(reload.getString("outcome")).isEqualTo("rejected");
        List<Map<String, Object>> errors = reload.getList("errors");
        assertThat(errors).hasSize(3);
        assertThat(errors).allSatisfy(e -> assertThat(e.get("file")).isEqualTo("edit.ttl"));
        assertThat(errors).extracting(e -> e.get("line")).containsExactly(5, 6, 7);
        assertThat(errors).allSatisfy(e -> assertThat((Integer) e.get("column")).isGreaterThan(4));
        assertThat(errors).extracting(e -> (String) e.get("message")).containsExactly(
                "Ill-typed literal: \"twenty-eight\" is not a valid xsd:integer; write digits only, e.g. 42.",
                "Ill-typed literal: \"3.x\" is not a valid xsd:decimal; write digits with an optional decimal point,"
                        + " e.g. 3.5.",
                "Ill-typed literal: \"2024-13-45\" is not a valid xsd:date; write YYYY-MM-DD, e.g. 2024-05-31.");

        JsonPath status = status();
        assertThat(status.getString("version")).isEqualTo(before);
        assertThat(status.getString("last_reload.outcome")).isEqualTo("rejected");
        assertThat(status.getString("graphs.find { it.file == 'edit.ttl' }.last_error")).startsWith("edit.ttl:5:");
        assertThat(ask("rail:beta ?p ?o")).isFalse();
        assertThat(ask("rail:alpha rail:platforms 12")).isTrue();

        // still ready (the last good version serves), but the health detail says the latest edit was rejected, and why
        JsonPath health = given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getString("checks.find { it.name == 'knowledge-graph' }.data.latest_edit"))
                .startsWith("rejected, still serving the last good version: edit.ttl:5:").contains("twenty-eight");
    }

    @Test
    void anUndeclaredPropertyOrClassIsAWarningWithItsLineAndTheClosestDeclaredTerm() throws Exception {
        write("edit.ttl", PREFIXES + "rail:gamma a rail:Station ;\n"
                + "    rail:platfroms 4 .\n"
                + "rail:delta a rail:Statoin .\n");
        JsonPath reload = reload();
        assertThat(reload.getString("outcome")).isEqualTo("served");
        List<Map<String, Object>> warnings = status().getList("warnings");
        assertThat(warnings).anySatisfy(w -> {
            assertThat(w).containsEntry("file", "edit.ttl").containsEntry("line", 5);
            assertThat(w.get("message")).isEqualTo("`rail:platfroms` is not declared; did you mean `rail:platforms`?");
        });
        assertThat(warnings).anySatisfy(w -> {
            assertThat(w).containsEntry("file", "edit.ttl").containsEntry("line", 6);
            assertThat(w.get("message")).isEqualTo("`rail:Statoin` is not declared; did you mean `rail:Station`?");
        });
        assertThat(ask("rail:gamma a rail:Station")).isTrue();
    }

    @Test
    void aLiteralContradictingADeclaredRangeIsAWarningWithItsLine() throws Exception {
        write("edit.ttl", PREFIXES + "rail:epsilon a rail:Station ;\n"
                + "    rail:opened \"9 August 1847\" ;\n"
                + "    rail:servedBy \"Blue Line\" .\n");
        assertThat(reload().getString("outcome")).isEqualTo("served");
        List<Map<String, Object>> warnings = status().getList("warnings");
        assertThat(warnings).anySatisfy(w -> {
            assertThat(w).containsEntry("file", "edit.ttl").containsEntry("line", 5);
            assertThat((String) w.get("message")).startsWith("`rail:opened` has range `xsd:date`; found \"9 August 1847\""
                    + " (a string)");
        });
        assertThat(warnings).anySatisfy(w -> {
            assertThat(w).containsEntry("file", "edit.ttl").containsEntry("line", 6);
            assertThat((String) w.get("message")).startsWith("`rail:servedBy` has range `rail:Line` (a resource); found"
                    + " the literal \"Blue Line\"");
        });
    }

    @Test
    void aShaclViolationNamesFileLineShapeAndTheFixInPlainWords() throws Exception {
        String before = status().getString("version");
        write("edit.ttl", PREFIXES + "rail:zeta a rail:Station ;\n"
                + "    rail:platforms 3 ;\n"
                + "    rail:elevation 3 .\n");
        JsonPath reload = reload();
        assertThat(reload.getString("outcome")).isEqualTo("rejected");
        List<Map<String, Object>> errors = reload.getList("errors");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("file", "edit.ttl").containsEntry("line", 6)
                    .containsEntry("focus_node", "https://example.org/rail#zeta");
            assertThat(e.get("message")).isEqualTo("`rail:elevation` must be an `xsd:decimal`; found `3` (an integer)"
                    + " — write `3.0`. (shape `rail:StationShape (property rail:elevation)`)");
        });
        assertThat(status().getString("version")).isEqualTo(before);
        assertThat(ask("rail:zeta ?p ?o")).isFalse();
    }

    @Test
    void adminStatusLogAndMetricAgreeOnTheTripleCount() {
        JsonPath status = status();
        long asserted = status.getLong("triples");
        long entailed = status.getLong("entailed_triples");
        assertThat(asserted).isEqualTo(status.getList("graphs.triples", Integer.class).stream()
                .mapToLong(Integer::longValue).sum());
        assertThat(entailed).isPositive();
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(gauge(metrics, "asserted")).isEqualTo(asserted);
        assertThat(gauge(metrics, "entailed")).isEqualTo(entailed);
    }

    private static long gauge(String metrics, String kind) {
        Matcher m = Pattern.compile("(?m)^groundgate_kg_triples\\{kind=\"" + kind + "\"} ([0-9.E+]+)$").matcher(metrics);
        assertThat(m.find()).as("groundgate_kg_triples{kind=%s} in %n%s", kind, metrics).isTrue();
        return (long) Double.parseDouble(m.group(1));
    }

    @Test
    void aDeletedFileIsHeldWithWhatItRemovesUntilTheAdminAcceptsTheRemoval() throws Exception {
        Path stations = KgFixtureResource.folder.resolve("stations.ttl");
        String content = Files.readString(stations);
        String before = status().getString("version");
        try {
            Files.delete(stations);
            JsonPath held = reload();
            assertThat(held.getString("outcome")).isEqualTo("held");
            assertThat(held.getBoolean("success")).isFalse();
            JsonPath status = status();
            assertThat(status.getString("version")).isEqualTo(before);
            assertThat(status.getInt("last_reload.changes.find { it.file == 'stations.ttl' }.delta")).isEqualTo(-10);
            assertThat(status.getString("last_reload.changes.find { it.file == 'stations.ttl' }.status"))
                    .isEqualTo("deleted");
            assertThat(status.getString("last_reload.errors[0].message"))
                    .startsWith("The file was deleted: its 10 triples would be removed")
                    .contains("POST /admin/kg/reload?accept-removal=true");
            assertThat(ask("rail:alpha rail:platforms 12")).isTrue();

            admin().queryParam("accept-removal", "yes please").post("/admin/kg/reload").then().statusCode(400)
                    .body("error.param", equalTo("accept-removal"));
            JsonPath accepted = admin().queryParam("accept-removal", "true").post("/admin/kg/reload").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(accepted.getString("outcome")).isEqualTo("served");
            assertThat(accepted.getInt("changes.find { it.file == 'stations.ttl' }.delta")).isEqualTo(-10);
            assertThat(ask("rail:alpha rail:platforms 12")).isFalse();
        } finally {
            Files.writeString(stations, content);
            reload();
        }
        assertThat(ask("rail:alpha rail:platforms 12")).isTrue();
    }
}
