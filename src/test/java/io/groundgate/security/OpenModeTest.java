package io.groundgate.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Without any API key configured the gateway serves everyone, for local use. */
@QuarkusTest
class OpenModeTest {

    @Test
    void requestsWithoutAKeyAreServed() {
        given().get("/v1/models").then().statusCode(200);
    }

    @Test
    void anyKeyIsIgnored() {
        given().header("Authorization", "Bearer whatever").get("/v1/models").then().statusCode(200);
    }

    @Test
    void theCallerIsAnonymousAndMayUseAnyModel() {
        given().queryParam("model", "some-model").get(AccessProbeRoute.REQUIRE).then().statusCode(200)
                .body("caller", equalTo("anonymous"));
        List<String> visible = given().queryParam("models", "a,b,grounded/c").get(AccessProbeRoute.VISIBLE).then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(visible).containsExactly("a", "b", "grounded/c");
    }
}
