package io.groundgate.grounding;

import static io.groundgate.testing.FakeOpenAiServer.completion;
import static io.groundgate.testing.FakeOpenAiServer.toolCalls;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.groundgate.testing.FakeOpenAiServer;
import io.groundgate.testing.FakeOpenAiServer.Call;
import io.groundgate.testing.FakeUpstreamResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The client's parameters reach the upstream on every grounded round, read from the one parse of the request body
 * (the typed request and the fields it does not model, {@code ChatCompletionRequest.others}): the typed ones, the
 * ones LangChain4j models, and the ones nobody models (vendor extensions) untouched; {@code tool_choice} only on the
 * first round, so that the model can answer after its tools ran.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamResource.class)
class ClientParametersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeOpenAiServer fake = FakeUpstreamResource.server();

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @Test
    void everyRoundCarriesTheClientsParameters() throws Exception {
        fake.enqueue(toolCalls(new Call("call_1", "calculator", "{\"expression\":\"6*7\"}")), completion("42."));
        String body = "{\"model\":\"grounded/fake-model\",\"messages\":[{\"role\":\"user\",\"content\":\"6*7?\"}],"
                + "\"temperature\":0.25,\"max_tokens\":99,\"seed\":7,\"user\":\"u-1\",\"stop\":[\"END\"],"
                + "\"presence_penalty\":0.5,\"metadata\":{\"team\":\"a\"},\"tool_choice\":\"required\","
                + "\"response_format\":{\"type\":\"json_object\"},\"x_vendor\":{\"deep\":[1,{\"k\":\"v\"}]}}";
        given().contentType(ContentType.JSON).body(body).when().post("/v1/chat/completions").then().statusCode(200);

        assertThat(fake.requests()).hasSize(2);
        for (int round = 0; round < 2; round++) {
            JsonNode sent = fake.requests().get(round).json();
            assertThat(sent.path("temperature").asDouble()).isEqualTo(0.25);
            assertThat(sent.path("max_tokens").asInt()).isEqualTo(99);
            assertThat(sent.path("seed").asInt()).isEqualTo(7);
            assertThat(sent.path("user").asText()).isEqualTo("u-1");
            assertThat(sent.path("stop")).isEqualTo(JSON.readTree("[\"END\"]"));
            assertThat(sent.path("presence_penalty").asDouble()).isEqualTo(0.5);
            assertThat(sent.path("metadata")).isEqualTo(JSON.readTree("{\"team\":\"a\"}"));
            assertThat(sent.path("response_format")).isEqualTo(JSON.readTree("{\"type\":\"json_object\"}"));
            assertThat(sent.path("x_vendor")).isEqualTo(JSON.readTree("{\"deep\":[1,{\"k\":\"v\"}]}"));
        }
        assertThat(fake.requests().get(0).json().path("tool_choice").asText()).isEqualTo("required");
        assertThat(fake.requests().get(1).json().has("tool_choice")).isFalse();
    }
}
