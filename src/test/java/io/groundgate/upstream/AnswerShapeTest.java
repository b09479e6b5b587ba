package io.groundgate.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.buffer.Buffer;

/**
 * The shape of a whole upstream answer is read from its tokens, without the tree LangChain4j would have parsed a second
 * time: for every body, the verdict is the one the tree gives (the check this replaced), on both APIs.
 */
class AnswerShapeTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "<html><body>502 Bad Gateway</body></html>",
            "[]",
            "\"text\"",
            "null",
            "{}",
            "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi\"}}]}",
            "{\"choices\":[{\"message\":{\"content\":\"hi\"}}],\"usage\":{\"total_tokens\":3}} trailing",
            "{\"id\":\"x\",\"choices\":[{\"delta\":{\"content\":\"hi\"}},{\"message\":{}}]}",
            "{\"choices\":[]}",
            "{\"choices\":[\"message\"]}",
            "{\"choices\":[[{\"message\":{}}]]}",
            "{\"choices\":{\"message\":{}}}",
            "{\"choices\":[{\"message\":\"text\"}]}",
            "{\"choices\":[{\"message\":null}]}",
            "{\"choices\":[{\"other\":{\"message\":{}}}]}",
            "{\"error\":{\"message\":\"quota\",\"type\":\"insufficient_quota\"}}",
            "{\"error\":\"quota\",\"choices\":[{\"message\":{}}]}",
            "{\"choices\":[{\"message\":{}}],\"error\":{\"message\":\"late\"}}",
            "{\"choices\":[{\"message\":{\"content\":\"cut",
            "{\"choices\":[{\"message\":{}}]",
            "{\"choices\":[{\"message\":{}},",
            "{\"output\":[{\"type\":\"message\"}]}",
            "{\"output\":{}}",
            "{\"output\":[],\"choices\":[{\"message\":{}}]}",
    })
    void theVerdictIsTheTrees(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (boolean responsesApi : new boolean[] { false, true }) {
            assertThat(UpstreamHttpClient.shape(bytes, responsesApi)).as("%s (responses API: %s)", text, responsesApi)
                    .isEqualTo(byTree(bytes, responsesApi));
        }
    }

    /** The check as it was: a tree of the whole body. */
    private static UpstreamHttpClient.Shape byTree(byte[] bytes, boolean responsesApi) {
        JsonNode root = UpstreamHttpClient.json(Buffer.buffer(bytes));
        if (root == null) {
            return UpstreamHttpClient.Shape.NOT_JSON;
        }
        if (root.path("error").isObject()) {
            return UpstreamHttpClient.Shape.ERROR;
        }
        if (responsesApi) {
            return root.path("output").isArray() ? UpstreamHttpClient.Shape.ANSWER : UpstreamHttpClient.Shape.NOT_ANSWER;
        }
        JsonNode choices = root.path("choices");
        return choices.isArray() && !choices.isEmpty() && choices.get(0).path("message").isObject()
                ? UpstreamHttpClient.Shape.ANSWER : UpstreamHttpClient.Shape.NOT_ANSWER;
    }
}
