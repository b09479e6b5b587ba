package io.groundgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.chat.ChatCompletionRequest;
import io.vertx.core.buffer.Buffer;

/**
 * A chat request body is parsed once on every route: the typed request carries the fields it does not model
 * ({@code others}), and the gateway's own routes read those instead of parsing the body again. Counted with a JSON
 * factory that counts the parsers it creates.
 */
class ParseOnceTest {

    /** Counts every parser created over bytes or text. */
    static final class CountingFactory extends JsonFactory {
        final AtomicInteger parsers = new AtomicInteger();

        @Override
        public JsonParser createParser(byte[] data) throws IOException {
            parsers.incrementAndGet();
            return super.createParser(data);
        }

        @Override
        public JsonParser createParser(byte[] data, int offset, int len) throws IOException {
            parsers.incrementAndGet();
            return super.createParser(data, offset, len);
        }

        @Override
        public JsonParser createParser(String content) throws IOException {
            parsers.incrementAndGet();
            return super.createParser(content);
        }
    }

    @Test
    void oneParseGivesTheTypedRequestAndTheRest() {
        CountingFactory factory = new CountingFactory();
        ObjectMapper mapper = new ObjectMapper(factory);
        Buffer body = Buffer.buffer("{\"model\":\"grounded/m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],"
                + "\"temperature\":0.5,\"tool_choice\":\"auto\",\"seed\":7,\"response_format\":{\"type\":\"json_object\"},"
                + "\"x_vendor\":[1,2]}");

        ChatCompletionRequest request = JsonPost.parse(mapper.readerFor(ChatCompletionRequest.class), body);
        ObjectNode rest = ChatCompletionsRoute.unmodelled(request);

        assertThat(factory.parsers.get()).isEqualTo(1);
        assertThat(request.model()).isEqualTo("grounded/m");
        assertThat(request.temperature()).isEqualTo(0.5);
        assertThat(request.toolChoice().asText()).isEqualTo("auto");
        // the rest holds exactly the fields the typed request does not model, as the very nodes that parse produced
        assertThat(rest.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("seed", "response_format", "x_vendor");
        assertThat(rest.get("response_format")).isSameAs(request.others().get("response_format"));
        assertThat(rest.get("seed").asInt()).isEqualTo(7);
    }

    @Test
    void aRequestWithNothingElseHasAnEmptyRest() {
        ChatCompletionRequest request = JsonPost.parse(new ObjectMapper().readerFor(ChatCompletionRequest.class),
                Buffer.buffer("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"));
        assertThat(request.others()).isEmpty();
        assertThat(ChatCompletionsRoute.unmodelled(request).isEmpty()).isTrue();
    }
}
