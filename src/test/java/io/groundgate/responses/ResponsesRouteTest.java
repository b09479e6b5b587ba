package io.groundgate.responses;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.groundgate.testing.FakeOpenAiServer;
import io.groundgate.testing.FakeOpenAiServer.Call;
import io.groundgate.testing.FakeUpstreamResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** {@code POST /v1/responses} on the wire: exact event sequences, byte-exact passthrough, errors in OpenAI's format. */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamResource.class)
public class ResponsesRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/v1/responses";

    private final FakeOpenAiServer fake = FakeUpstreamResource.server();

    @TestHTTPResource("/v1/responses")
    URL responses;

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @Test
    void passthroughSendsTheClientsBytesUnchanged() {
        String body = "{\"model\":\"fake-model\",\"input\":\"ping\",\"reasoning\":{\"effort\":\"low\"},"
                + "\"tools\":[{\"type\":\"web_search\"}],\"x_vendor\":[1,2]}";
        given().contentType(ContentType.JSON).body(body).post(PATH).then().statusCode(200)
                .body("vendor_extension", equalTo("kept"));
        assertThat(new String(fake.lastRequest().body())).isEqualTo(body);
    }

    @Test
    void passthroughRelaysTheUpstreamsEventsAsTheyArrive() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        String first = "{\"type\":\"response.output_text.delta\",\"sequence_number\":3,\"delta\":\"Hel\",\"x_new\":1}";
        String second = "{\"type\":\"response.output_text.delta\",\"sequence_number\":4,\"delta\":\"lo\"}";
        fake.enqueue(FakeOpenAiServer.sseGated(List.of(first), release, List.of(second)));
        String body = "{\"model\":\"fake-model\",\"stream\":true,\"input\":\"hi\",\"x_vendor\":{\"a\":1}}";

        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(responses.toURI())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("text/event-stream"));
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            // the upstream holds back the rest until the client has the first event: buffering would deadlock here
            assertThat(reader.readLine()).isEqualTo("data: " + first);
            release.countDown();
            assertThat(reader.readLine()).isEmpty();
            assertThat(reader.readLine()).isEqualTo("data: " + second);
        }
        assertThat(fake.lastRequest().path()).isEqualTo("/v1/responses");
        assertThat(new String(fake.lastRequest().body(), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void groundedStreamEmitsOpenAisEventsInOrderWithSequenceNumbers() throws Exception {
        fake.enqueue(FakeOpenAiServer.toolCalls(new Call("call_1", "get_weather", "{\"city\":\"Oslo\"}")));
        String body = "{\"model\":\"grounded/fake-model\",\"stream\":true,\"input\":\"Weather in Oslo?\",\"tools\":[{"
                + "\"type\":\"function\",\"name\":\"get_weather\",\"parameters\":{\"type\":\"object\",\"properties\":"
                + "{\"city\":{\"type\":\"string\"}}}}]}";
        String stream = given().contentType(ContentType.JSON).body(body).post(PATH).then().statusCode(200)
                .header("Content-Type", startsWith("text/event-stream")).extract().asString();

        List<JsonNode> events = events(stream);
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("response.created",
                "response.in_progress", "response.output_item.added", "response.function_call_arguments.delta",
                "response.function_call_arguments.done",
                "response.output_item.done", "response.completed");
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).path("sequence_number").asInt()).isEqualTo(i);
        }
        JsonNode added = events.get(2).path("item");
        assertThat(added.path("type").asText()).isEqualTo("function_call");
        assertThat(added.path("status").asText()).isEqualTo("in_progress");
        assertThat(added.path("call_id").asText()).isEqualTo("call_1");
        assertThat(events.get(4).path("arguments").asText()).isEqualTo("{\"city\":\"Oslo\"}");
        assertThat(events.get(4).path("item_id").asText()).isEqualTo(added.path("id").asText());
        JsonNode done = events.get(6).path("response");
        assertThat(done.path("status").asText()).isEqualTo("completed");
        assertThat(done.at("/output/0/arguments").asText()).isEqualTo("{\"city\":\"Oslo\"}");
        assertThat(done.at("/output/0/status").asText()).isEqualTo("completed");
        assertThat(done.at("/grounding/route").asText()).isEqualTo("grounded");
        assertThat(done.at("/usage/input_tokens").asInt()).isEqualTo(10);
        assertThat(stream).doesNotContain("[DONE]").contains("event: response.completed\ndata: ");
    }

    @Test
    void textStreamHasMessageAndContentPartEvents() throws Exception {
        fake.enqueue(FakeOpenAiServer.completion("Hello there"));
        String stream = given().contentType(ContentType.JSON)
                .body("{\"model\":\"grounded/fake-model\",\"stream\":true,\"input\":\"hi\"}").post(PATH).then()
                .statusCode(200).extract().asString();
        List<JsonNode> events = events(stream);
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("response.created",
                "response.in_progress", "response.output_item.added", "response.content_part.added",
                "response.output_text.delta", "response.output_text.delta", "response.output_text.done",
                "response.content_part.done", "response.output_item.done", "response.completed");
        assertThat(events.get(6).path("text").asText()).isEqualTo("Hello there");
        assertThat(events.get(9).at("/response/output/0/content/0/text").asText()).isEqualTo("Hello there");
    }

    @Test
    void invalidValuesAreNamedAsTheResponsesRequestSpellsThem() {
        given().contentType(ContentType.JSON).body("{\"model\":\"grounded/fake-model\",\"input\":\"hi\",\"temperature\":5}")
                .post(PATH).then().statusCode(400).body("error.type", equalTo("invalid_request_error"))
                .body("error.param", equalTo("temperature"));
        given().contentType(ContentType.JSON).body("{\"model\":\"grounded/fake-model\",\"input\":\"hi\","
                + "\"max_output_tokens\":0}").post(PATH).then().statusCode(400)
                .body("error.param", equalTo("max_output_tokens"));
        given().contentType(ContentType.JSON).body("{\"model\":\"grounded/fake-model\",\"input\":[{\"role\":\"user\","
                + "\"content\":\"a\"},{\"role\":\"wizard\",\"content\":\"b\"}]}").post(PATH).then().statusCode(400)
                .body("error.param", equalTo("input[1]"));
        given().contentType(ContentType.JSON).body("{\"input\":\"hi\"}").post(PATH).then().statusCode(400)
                .body("error.param", equalTo("model"));
        given().contentType(ContentType.JSON).body("{\"model\":\"grounded/fake-model\"}").post(PATH).then()
                .statusCode(400).body("error.param", equalTo("input"));
        given().contentType(ContentType.JSON).body("{\"model\":\"grounded/fake-model\",\"input\":42}").post(PATH).then()
                .statusCode(400).body("error.param", equalTo("input"));
        given().contentType(ContentType.JSON).body("{\"model\":\"grounded/fake-model\",\"input\":\"hi\",\"tools\":[{"
                + "\"type\":\"function\",\"name\":\"bad name!\"}]}").post(PATH).then().statusCode(400)
                .body("error.param", equalTo("tools[0].name"));
        given().contentType(ContentType.JSON).body("{\"model\":\"no-such-model\",\"input\":\"hi\"}").post(PATH).then()
                .statusCode(404).body("error.code", equalTo("model_not_found"));
        given().contentType(ContentType.TEXT).body("hi").post(PATH).then().statusCode(415);
        given().get(PATH).then().statusCode(405).header("Allow", "POST");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void theGatewaysOwnRoutesRefuseWhatTheyCannotHonour() {
        given().contentType(ContentType.JSON).body("{\"model\":\"grounded/fake-model\",\"input\":\"hi\",\"tools\":[{"
                + "\"type\":\"web_search\"}]}").post(PATH).then().statusCode(400)
                .body("error.param", equalTo("tools[0].type"));
        given().contentType(ContentType.JSON).body("{\"model\":\"groundgate-local\",\"input\":[{\"type\":\"item_reference\","
                + "\"id\":\"x\"}]}").post(PATH).then().statusCode(400).body("error.param", equalTo("input[0].type"));
        given().contentType(ContentType.JSON).body("{\"model\":\"grounded/fake-model\",\"input\":\"hi\","
                + "\"previous_response_id\":\"resp_unknown\"}").post(PATH).then().statusCode(400)
                .body("error.param", equalTo("previous_response_id"))
                .body("error.code", equalTo("previous_response_not_found"));
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void storeFalseLeavesNothingToContinue() {
        fake.enqueue(FakeOpenAiServer.completion("first"));
        String id = given().contentType(ContentType.JSON)
                .body("{\"model\":\"grounded/fake-model\",\"input\":\"hi\",\"store\":false}").post(PATH).then()
                .statusCode(200).body("store", equalTo(false)).extract().path("id");
        given().contentType(ContentType.JSON).body("{\"model\":\"grounded/fake-model\",\"input\":\"again\","
                + "\"previous_response_id\":\"" + id + "\"}").post(PATH).then().statusCode(400)
                .body("error.code", equalTo("previous_response_not_found"));
    }

    /** The events of a Responses stream, each checked to carry its own type in its SSE event line. */
    public static List<JsonNode> events(String stream) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String block : stream.split("\n\n")) {
            String type = null;
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    JsonNode event = JSON.readTree(line.substring(6));
                    assertThat(event.path("type").asText()).isEqualTo(type);
                    events.add(event);
                }
            }
        }
        return events;
    }
}
