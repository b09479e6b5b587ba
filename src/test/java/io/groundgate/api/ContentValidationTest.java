package io.groundgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.groundgate.testing.FakeUpstreamResource;
import io.groundgate.testing.OpenAiErrors;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Message content is validated once, for every route: a malformed content part is the same 400 (same param) whether the
 * model is relayed, grounded or local; content a route cannot carry is a 400 that says so; nothing is a 500.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamResource.class)
class ContentValidationTest {

    private static final List<String> MODELS = List.of("fake-model", "grounded/fake-model", "groundgate-local");

    @TestHTTPResource("/v1/chat/completions")
    URI chatUri;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Malformed on every route: name, system content, user content, the param the 400 must name. */
    static Stream<Arguments> malformed() {
        List<String[]> cases = List.of(
                new String[] {"empty content array", "[]", "\"hi\"", "messages[0].content"},
                new String[] {"unknown part type", "\"s\"", "[{\"type\":\"x\"}]", "messages[1].content[0]"},
                new String[] {"part without type", "\"s\"", "[{\"text\":\"hi\"}]", "messages[1].content[0]"},
                new String[] {"audio without data", "\"s\"", "[{\"type\":\"input_audio\",\"input_audio\":{\"format\":\"wav\"}}]",
                        "messages[1].content[0].input_audio.data"},
                new String[] {"image without url", "\"s\"", "[{\"type\":\"image_url\",\"image_url\":{}}]",
                        "messages[1].content[0].image_url.url"},
                new String[] {"image part on system", "[{\"type\":\"image_url\",\"image_url\":{\"url\":\"http://x/y.png\"}}]",
                        "\"hi\"", "messages[0].content[0]"},
                new String[] {"text part with number", "\"s\"", "[{\"type\":\"text\",\"text\":1}]", "messages[1].content[0].text"});
        return MODELS.stream().flatMap(model -> cases.stream().map(c -> Arguments.of(model, c[0], c[1], c[2], c[3])));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("malformed")
    void malformedContentIsTheSame400OnEveryRoute(String model, String name, String system, String user, String param)
            throws Exception {
        HttpResponse<String> response = post(model, system, user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        OpenAiErrors.assertOpenAiError(400, response.body());
        assertThat(response.body()).contains("\"param\":\"" + param + "\"");
    }

    static Stream<String> models() {
        return MODELS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void anEmptySystemMessageIsAcceptedOnEveryRoute(String model) throws Exception {
        HttpResponse<String> response = post(model, "\"\"", "\"What is the density of gold?\"");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void audioIsRelayedOrRefusedWithA400NeverA500(String model) throws Exception {
        HttpResponse<String> response = post(model, "\"s\"",
                "[{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"AAAA\",\"format\":\"wav\"}}]");
        if (model.startsWith("grounded/")) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            OpenAiErrors.assertOpenAiError(400, response.body());
            assertThat(response.body()).contains("input_audio").contains("\"param\":\"messages[1].content[0]\"");
        } else {
            assertThat(response.statusCode()).as(response.body()).isIn(200, 400);
        }
    }

    private HttpResponse<String> post(String model, String system, String user) throws Exception {
        String body = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"system\",\"content\":" + system
                + "},{\"role\":\"user\",\"content\":" + user + "}]}";
        return http.send(HttpRequest.newBuilder(chatUri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
