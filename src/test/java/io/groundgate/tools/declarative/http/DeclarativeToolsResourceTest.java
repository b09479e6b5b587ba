package io.groundgate.tools.declarative.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

import java.nio.file.Files;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.tools.ToolContext;
import io.groundgate.tools.ToolRegistry;
import io.groundgate.tools.ToolResult;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@TestProfile(ToolFolderProfile.class)
class DeclarativeToolsResourceTest {

    private static final String AUTH = "Bearer " + ToolFolderResource.ADMIN_KEY;

    @Inject
    ToolRegistry registry;

    @Test
    void adminToolsListsTheFilesAndTheirTools() {
        given().header("Authorization", AUTH).when().get("/admin/tools").then().statusCode(200)
                .body("tools", hasItems("element_property", "country_facts", "compare_countries", "material_mass"))
                .body("files.status", hasItems("loaded"))
                .body("loaded_once", org.hamcrest.Matchers.is(true));
    }

    @Test
    void adminToolsNeedsTheAdminKey() {
        given().when().get("/admin/tools").then().statusCode(401);
    }

    @Test
    void readinessReportsTheDeclarativeTools() {
        JsonPath health = given().when().get("/q/health/ready").then().extract().jsonPath();
        assertThat(health.getList("checks.findAll { it.name == 'declarative-tools' }.status")).containsExactly("UP");
    }

    @Test
    void theRegistryServesTheKnowledgeGraphAndDeclarativeTools() throws Exception {
        assertThat(registry.all()).extracting(t -> t.spec().name()).contains("kg_search", "kg_describe", "kg_schema",
                "sparql_query", "element_property", "country_facts");
        ToolResult r = registry.execute("element_property", (ObjectNode) new ObjectMapper()
                .readTree("{\"element\":\"Au\",\"property\":\"density\"}"), ToolContext.of("http-test"));
        assertThat(r.ok()).isTrue();
        assertThat(r.result().at("/resolved/element/iri").asText())
                .isEqualTo("https://w3id.org/groundgate/resource/element/Au");
    }

    @Test
    void aFileAddedAtRunTimeServesAfterAReloadAndABrokenOneIsReported() throws Exception {
        Files.writeString(ToolFolderResource.folder.resolve("symbol.yaml"),
                io.groundgate.tools.declarative.DeclarativeToolFixtures.symbolTool("symbol_http", "Symbol."));
        given().header("Authorization", AUTH).when().post("/admin/tools/reload").then().statusCode(200)
                .body("tools", hasItems("symbol_http"));
        ToolResult r = registry.execute("symbol_http", (ObjectNode) new ObjectMapper()
                .readTree("{\"element\":\"gold\"}"), ToolContext.of("http-test"));
        assertThat(r.result().path("value").asText()).isEqualTo("Au");

        Files.writeString(ToolFolderResource.folder.resolve("symbol.yaml"), "name: symbol_http\nsparql: [\n");
        JsonPath status = given().header("Authorization", AUTH).when().post("/admin/tools/reload").then()
                .statusCode(200).extract().jsonPath();
        assertThat(status.getList("tools", String.class)).contains("symbol_http");
        assertThat(status.getList("errors", String.class)).anySatisfy(e -> assertThat(e).contains("symbol.yaml")
                .contains("line"));
        assertThat(registry.find("symbol_http")).isPresent();
    }
}
