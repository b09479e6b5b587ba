package io.groundgate.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

@QuarkusTest
@TestProfile(ApiKeysProfile.class)
class ApiKeysTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private static String bearer(String key) {
        return "Bearer " + key;
    }

    @Test
    void aMissingKeyGets401InOpenAiFormat() {
        given().get("/v1/models").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .header("x-request-id", notNullValue())
                .body("error.type", equalTo("authentication_error"))
                .body("error.code", equalTo("invalid_api_key"))
                .body("error.param", nullValue());
    }

    @Test
    void anUnknownKeyGets401() {
        given().header("Authorization", bearer("sk-not-a-key")).get("/v1/models").then().statusCode(401)
                .body("error.code", equalTo("invalid_api_key"))
                .body("error.message", equalTo("Incorrect API key provided."));
    }

    @Test
    void aConfiguredKeyIsAccepted() {
        given().header("Authorization", bearer(ALPHA())).get("/v1/models").then().statusCode(200);
    }

    @Test
    void sparqlIsGuardedToo() {
        given().get("/sparql").then().statusCode(401).body("error.code", equalTo("invalid_api_key"));
        given().get("/sparql/query").then().statusCode(401);
    }

    @Test
    void healthAndMetricsNeedNoKey() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void aModelOutsideTheAllowListGets403() {
        given().header("Authorization", bearer(ALPHA())).queryParam("model", "gpt-4o")
                .get(AccessProbeRoute.REQUIRE).then().statusCode(403)
                .body("error.type", equalTo("permission_error"))
                .body("error.code", equalTo("model_not_allowed"))
                .body("error.param", equalTo("model"));
    }

    @Test
    void theChatRouteRefusesAModelOutsideTheAllowList() {
        given().header("Authorization", bearer(ALPHA())).contentType("application/json")
                .body("{\"model\":\"fake-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/chat/completions").then().statusCode(403)
                .body("error.code", equalTo("model_not_allowed"));
        // an unknown id is refused the same way: the key must not learn which models exist
        given().header("Authorization", bearer(ALPHA())).contentType("application/json")
                .body("{\"model\":\"no-such-model\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .post("/v1/chat/completions").then().statusCode(403);
        given().header("Authorization", bearer(ALPHA())).get("/v1/models/fake-model").then().statusCode(403);
    }

    @Test
    void theModelsEndpointListsOnlyAllowedModels() {
        List<String> ids = given().header("Authorization", bearer(ALPHA())).get("/v1/models")
                .then().statusCode(200).extract().jsonPath().getList("data.id");
        assertThat(ids).contains("groundgate-local", "grounded/fake-model").doesNotContain("fake-model", "dead-model");
    }

    @Test
    void modelsInsideTheAllowListPass() {
        given().header("Authorization", bearer(ALPHA())).queryParam("model", "grounded/gpt-4o")
                .get(AccessProbeRoute.REQUIRE).then().statusCode(200).body("caller", equalTo("alpha"));
        given().header("Authorization", bearer(ALPHA())).queryParam("model", "groundgate-local")
                .get(AccessProbeRoute.REQUIRE).then().statusCode(200);
    }

    @Test
    void theModelListShowsOnlyAllowedModels() {
        List<String> visible = given().header("Authorization", bearer(ALPHA()))
                .queryParam("models", "groundgate-local,gpt-4o,grounded/gpt-4o,gpt-4o-mini")
                .get(AccessProbeRoute.VISIBLE).then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(visible).containsExactly("groundgate-local", "grounded/gpt-4o");
    }

    @Test
    void overTheBudgetGets429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", bearer(ApiKeysProfile.LIMITED)).get("/v1/models").then().statusCode(200);
        }
        Response refused = given().header("Authorization", bearer(ApiKeysProfile.LIMITED)).get("/v1/models");

        refused.then().statusCode(429)
                .body("error.type", equalTo("rate_limit_error"))
                .body("error.code", equalTo("rate_limit_exceeded"));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(given().get("/q/metrics").asString())
                .containsPattern("groundgate_ratelimit_rejections_total\\{key=\"limited\"[^}]*} [1-9]");
    }

    @Test
    void parallelRequestsCannotOvershootTheBurst() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/models"))
                .header("Authorization", bearer(ApiKeysProfile.PARALLEL)).GET().build();
        List<CompletableFuture<HttpResponse<Void>>> sent = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            sent.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
        }
        List<Integer> statuses = sent.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(5);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(19);
    }

    @Test
    void keysRotateWhenTheFileChanges() throws Exception {
        Files.writeString(ApiKeysProfile.KEY_FILE, ApiKeysProfile.fileLine("rotating", ApiKeysProfile.FILE_ONE, "*"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .header("Authorization", bearer(ApiKeysProfile.FILE_ONE)).get("/v1/models").then().statusCode(200));

        Files.writeString(ApiKeysProfile.KEY_FILE, ApiKeysProfile.fileLine("rotating", ApiKeysProfile.FILE_TWO, "*"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .header("Authorization", bearer(ApiKeysProfile.FILE_TWO)).get("/v1/models").then().statusCode(200));
        given().header("Authorization", bearer(ApiKeysProfile.FILE_ONE)).get("/v1/models").then().statusCode(401);
        given().header("Authorization", bearer(ALPHA())).get("/v1/models").then().statusCode(200);
    }

    @Test
    void aBrokenFileKeepsTheKeysInForce() throws Exception {
        Files.writeString(ApiKeysProfile.KEY_FILE, ApiKeysProfile.fileLine("rotating", ApiKeysProfile.FILE_ONE, "*"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .header("Authorization", bearer(ApiKeysProfile.FILE_ONE)).get("/v1/models").then().statusCode(200));
        List<String> errors = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                    errors.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(ApiKeyStore.class.getName());
        logger.addHandler(capture);
        try {
            Files.writeString(ApiKeysProfile.KEY_FILE, "rotating not-a-hash *\n");
            await().atMost(Duration.ofSeconds(20)).until(() -> !errors.isEmpty());
        } finally {
            logger.removeHandler(capture);
        }

        assertThat(errors.get(0)).contains("line 1");
        given().header("Authorization", bearer(ApiKeysProfile.FILE_ONE)).get("/v1/models").then().statusCode(200);
    }

    @Test
    void anEmptyFileIsAWriteInProgressAndKeepsTheKeysInForce() throws Exception {
        Files.writeString(ApiKeysProfile.KEY_FILE, ApiKeysProfile.fileLine("rotating", ApiKeysProfile.FILE_ONE, "*"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .header("Authorization", bearer(ApiKeysProfile.FILE_ONE)).get("/v1/models").then().statusCode(200));
        Files.writeString(ApiKeysProfile.KEY_FILE, "");
        // several check intervals pass; the key must stay in force through all of them
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> given()
                .header("Authorization", bearer(ApiKeysProfile.FILE_ONE)).get("/v1/models").then().statusCode(200));
    }

    private static String ALPHA() {
        return ApiKeysProfile.ALPHA;
    }
}
