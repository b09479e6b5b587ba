package io.groundgate.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.groundgate.testing.FakeUpstreamResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(FakeUpstreamResource.class)
class ModelsTest {

    @Test
    void listsEveryServedModelWithItsRoute() {
        given().when().get("/v1/models")
                .then().statusCode(200)
                .body("object", equalTo("list"))
                .body("data.id", hasItems("groundgate-local", "fake-model", "grounded/fake-model", "fake-tools", "dead-model"))
                .body("data[0].id", equalTo("groundgate-local"))
                .body("data.find { it.id == 'groundgate-local' }.groundgate.route", equalTo("local"))
                .body("data.find { it.id == 'fake-model' }.groundgate.route", equalTo("passthrough"))
                .body("data.find { it.id == 'grounded/fake-model' }.groundgate.route", equalTo("grounded"))
                .body("data.find { it.id == 'grounded/fake-model' }.owned_by", equalTo("fake"))
                .body("data.find { it.id == 'fake-model' }.object", equalTo("model"));
    }

    @Test
    void retrievesOneModelEvenWithASlashInItsId() {
        given().when().get("/v1/models/grounded/fake-model")
                .then().statusCode(200)
                .body("id", equalTo("grounded/fake-model"))
                .body("groundgate.upstream_model", equalTo("fake-model"));
    }

    @Test
    void unknownModelIs404() {
        given().when().get("/v1/models/nope")
                .then().statusCode(404).body("error.code", equalTo("model_not_found"));
    }
}
