package io.groundgate.grounding;

import static io.groundgate.testing.FakeOpenAiServer.completion;
import static io.groundgate.testing.FakeOpenAiServer.toolCalls;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;

import io.groundgate.testing.FakeOpenAiServer;
import io.groundgate.testing.FakeOpenAiServer.Call;
import io.groundgate.testing.FakeUpstreamResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The system prompt and the tool array are written once and spliced into the bodies LangChain4j writes
 * ({@code upstream.JsonFragments}): what the upstream receives, round after round, is exactly what LangChain4j alone
 * writes for the same conversation with the prompt's text and typed tool specifications (compared as JSON with a
 * stock {@link OpenAiChatModel} on its own HTTP client), and no placeholder ever leaves the gateway.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamResource.class)
class PreWrittenJsonTest {

    private final FakeOpenAiServer fake = FakeUpstreamResource.server();

    @Inject
    SystemPrompt systemPrompt;

    @Inject
    GatewayToolSpecs gatewaySpecs;

    @Inject
    io.groundgate.upstream.JsonFragments fragments;

    @BeforeEach
    void reset() {
        fake.reset();
    }

    @Test
    void everyRoundCarriesWhatLangChain4jAloneWouldWrite() {
        String question = "How heavy are 2 litres of gold? \"quoted\", ünïcode, \\ and a tab\t";
        String arguments = "{\"expression\":\"19.3 g/cm^3 * 2 L in kg\"}";
        fake.enqueue(toolCalls(new Call("call_1", "calculator", arguments)), completion("38.6 kg."));
        long splicedBefore = fragments.spliced();
        given().contentType(ContentType.JSON).body(body(question, ""))
                .when().post("/v1/chat/completions").then().statusCode(200);
        // compact bodies: LangChain4j's writer pretty-prints unless told otherwise (upstream.CompactRequestJson)
        assertThat(fake.requests()).hasSize(2).allSatisfy(request -> assertThat(
                new String(request.body(), StandardCharsets.UTF_8)).doesNotContain("\n"));
        List<JsonNode> sent = bodies(2);
        // the prompt and the tool array went in pre-written in both rounds, not through LangChain4j's writer, and so
        // did the second round's tool result (escaped once, however many rounds carry it)
        assertThat(fragments.spliced() - splicedBefore).isEqualTo(5);

        // the same two rounds through LangChain4j alone: the prompt's text and typed tools, no fragments
        List<ChatMessage> conversation = new ArrayList<>(List.of(SystemMessage.from(systemPrompt.text()),
                UserMessage.from(question)));
        JsonNode first = reference(conversation, gatewaySpecs.current(), completion("unused"));
        conversation.add(AiMessage.from(List.of(dev.langchain4j.agent.tool.ToolExecutionRequest.builder()
                .id("call_1").name("calculator").arguments(arguments).build())));
        conversation.add(ToolExecutionResultMessage.from("call_1", "calculator",
                sent.get(1).path("messages").get(3).path("content").asText()));
        JsonNode second = reference(conversation, gatewaySpecs.current(), completion("unused"));

        assertThat(sent.get(0)).isEqualTo(first);
        assertThat(sent.get(1)).isEqualTo(second);
        assertThat(sent.get(0).at("/messages/0/content").asText()).isEqualTo(systemPrompt.text())
                .contains("knowledge graph");
    }

    @Test
    void theClientsToolsFollowTheGatewaysInOneArray() {
        fake.enqueue(completion("fine"));
        String tools = ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"lookup_order\","
                + "\"description\":\"finds an order\",\"parameters\":{\"type\":\"object\",\"properties\":"
                + "{\"id\":{\"type\":\"string\"}},\"required\":[\"id\"]}}}]";
        given().contentType(ContentType.JSON).body(body("Where is order 7?", tools))
                .when().post("/v1/chat/completions").then().statusCode(200);
        JsonNode sent = bodies(1).get(0);

        List<ToolSpecification> all = new ArrayList<>(gatewaySpecs.current());
        all.add(ToolSpecification.builder().name("lookup_order").description("finds an order")
                .parameters(JsonObjectSchema.builder().addStringProperty("id").required("id").build()).build());
        JsonNode expected = reference(List.of(SystemMessage.from(systemPrompt.text()),
                UserMessage.from("Where is order 7?")), all, completion("unused"));
        assertThat(sent.path("tools")).isEqualTo(expected.path("tools"));
        assertThat(sent.path("tools")).hasSize(gatewaySpecs.current().size() + 1);
        assertThat(sent).isEqualTo(expected);
    }

    private static String body(String question, String extra) {
        return "{\"model\":\"grounded/fake-model\",\"messages\":[{\"role\":\"user\",\"content\":"
                + FakeOpenAiServer.quote(question) + "}]" + extra + "}";
    }

    /** The bodies the fake upstream received; none carries a placeholder. */
    private List<JsonNode> bodies(int expected) {
        List<FakeOpenAiServer.Recorded> requests = fake.requests();
        assertThat(requests).hasSize(expected);
        List<JsonNode> bodies = new ArrayList<>();
        for (FakeOpenAiServer.Recorded r : requests) {
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).doesNotContain("gg-json-");
            bodies.add(r.json());
        }
        fake.reset();
        return bodies;
    }

    /** What a stock LangChain4j OpenAI client, on its own HTTP client, sends for this conversation. */
    private JsonNode reference(List<ChatMessage> messages, List<ToolSpecification> tools, FakeOpenAiServer.Reply reply) {
        fake.enqueue(reply);
        OpenAiChatModel stock = OpenAiChatModel.builder().baseUrl(fake.baseUrl()).apiKey("sk-upstream-secret")
                .modelName("fake-model").maxRetries(0).build();
        stock.chat(ChatRequest.builder().messages(messages)
                .parameters(OpenAiChatRequestParameters.builder().toolSpecifications(tools).build()).build());
        JsonNode body = bodies(1).get(0);
        return body instanceof ObjectNode ? body : null;
    }
}
