package io.groundgate.evals;

import static io.groundgate.testing.FakeOpenAiServer.completion;
import static io.groundgate.testing.FakeOpenAiServer.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.groundgate.testing.FakeOpenAiServer;
import io.groundgate.testing.FakeOpenAiServer.Call;
import io.groundgate.testing.FakeOpenAiServer.Reply;
import io.groundgate.testing.FakeUpstreamResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code node evals/run.mjs} against the test gateway: the scripted upstream answers the plain route wrongly and the
 * grounded route (after one tool call) rightly. The right answers are built
 * from the gold of real questions from dev.jsonl, one per kind of matcher.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamResource.class)
class EvalRunnerTest {

    @TestHTTPResource("/v1")
    URL gateway;

    @TempDir
    Path tmp;

    private final FakeOpenAiServer fake = FakeUpstreamResource.server();
    private List<JsonNode> questions;
    private Path questionFile;

    @BeforeEach
    void tinyQuestionFile() throws Exception {
        EvalNode.requireNode(true);
        fake.reset();
        questions = new ArrayList<>();
        List<String> kinds = new ArrayList<>(List.of("entities", "number", "unanswerable"));
        for (String line : Files.readAllLines(Path.of("evals/questions/dev.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode q = Gold.JSON.readTree(line);
            if (kinds.remove(q.path("gold").path("type").asText()) && q.path("tags").isEmpty()) {
                questions.add(q);
            }
        }
        assertThat(questions).hasSize(3);
        questionFile = tmp.resolve("tiny.jsonl");
        Files.writeString(questionFile, String.join("\n", questions.stream().map(JsonNode::toString).toList()) + "\n");
    }

    @AfterEach
    void clearScript() {
        fake.reset();
    }

    /** A right answer for the gold the question has, stated the way a model would. */
    private static String right(JsonNode gold) {
        return switch (gold.path("type").asText()) {
            case "entities" -> "The answer is " + gold.path("all").get(0).asText() + ".";
            case "number" -> "It is " + gold.path("value").asText() + (gold.has("unit") ? " " + gold.path("unit").asText() : "") + ".";
            default -> "I could not find that in the knowledge graph.";
        };
    }

    /** A wrong one: another entity, a number twice too big, a made-up value for an unanswerable question. */
    private static String wrong(JsonNode gold) {
        return switch (gold.path("type").asText()) {
            case "entities" -> "The answer is Atlantis.";
            case "number" -> "It is " + new BigDecimal(gold.path("value").asText()).multiply(BigDecimal.valueOf(2)).toPlainString()
                    + (gold.has("unit") ? " " + gold.path("unit").asText() : "") + ".";
            default -> "It is 42.";
        };
    }

    /** Scripted upstream: the grounded route (recognised by its system prompt) calls a tool, then answers right; the plain route answers wrong. */
    private Reply upstream() {
        return (req, resp, vertx) -> {
            JsonNode body = req.json();
            JsonNode messages = body.path("messages");
            String question = "";
            for (JsonNode m : messages) {
                if (m.path("role").asText().equals("user")) {
                    question = m.path("content").asText();
                }
            }
            JsonNode gold = null;
            for (JsonNode q : questions) {
                if (q.path("question").asText().equals(question)) {
                    gold = q.path("gold");
                }
            }
            // the runner sends no system message here, so one in the upstream request was added by the grounded route
            boolean grounded = false;
            for (JsonNode m : messages) {
                grounded |= m.path("role").asText().equals("system");
            }
            boolean afterTool = messages.get(messages.size() - 1).path("role").asText().equals("tool");
            Reply reply = gold == null ? completion("unexpected question: " + question)
                    : grounded && !afterTool ? toolCalls(new Call("call_1", "calculator", "{\"expression\":\"2+2\"}"))
                            : completion(grounded ? right(gold) : wrong(gold));
            reply.answer(req, resp, vertx);
        };
    }

    private EvalNode.Result runEval(Path out, String... models) throws Exception {
        // per run: one upstream request per plain question, two (tool call, answer) per grounded one
        int requests = 0;
        for (String model : models) {
            requests += questions.size() * (model.startsWith("grounded/") ? 2 : 1);
        }
        for (int i = 0; i < requests; i++) {
            fake.enqueue(upstream());
        }
        List<String> args = new ArrayList<>(List.of("run.mjs", "--base-url", gateway.toString(), "--questions",
                questionFile.toString(), "--concurrency", "2", "--threshold", "0.9", "--out", out.toString()));
        for (String model : models) {
            args.add("--model");
            args.add(model);
        }
        return EvalNode.run(120, args.toArray(String[]::new));
    }

    private static Map<String, JsonNode> summaries(JsonNode report) {
        Map<String, JsonNode> byModel = new HashMap<>();
        report.path("models").forEach(m -> byModel.put(m.path("model").asText(), m.path("summary")));
        return byModel;
    }

    @Test
    void comparesGroundedWithPlainAndFailsTheThresholdOnTheFirstModel() throws Exception {
        Path out = tmp.resolve("report-plain-first");
        EvalNode.Result result = runEval(out, "fake-model", "grounded/fake-model");

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("FAIL: fake-model answered 0 of 3 correctly").contains("below the threshold 90.0%");
        JsonNode report = Gold.JSON.readTree(out.resolve("report.json").toFile());
        assertThat(report.path("passed").asBoolean()).isFalse();
        Map<String, JsonNode> summaries = summaries(report);
        assertThat(summaries.get("fake-model").at("/overall/accuracy").asDouble()).isZero();
        assertThat(summaries.get("grounded/fake-model").at("/overall/accuracy").asDouble()).as(report.path("results").toString())
                .isEqualTo(1.0);
        assertThat(summaries.get("grounded/fake-model").at("/overall/tool_calls_per_question").asDouble()).isEqualTo(1.0);
        assertThat(summaries.get("fake-model").at("/overall/tool_calls_per_question").asDouble()).isZero();
        assertThat(summaries.get("grounded/fake-model").at("/per_category/unanswerable/abstentions").asInt()).isEqualTo(1);

        JsonNode comparison = report.path("comparisons").get(0);
        assertThat(comparison.path("plain").asText()).isEqualTo("fake-model");
        assertThat(comparison.path("grounded").asText()).isEqualTo("grounded/fake-model");
        assertThat(comparison.at("/overall/delta").asDouble()).isEqualTo(1.0);
        for (JsonNode q : questions) {
            assertThat(comparison.at("/per_category/" + q.path("category").asText() + "/delta").asDouble()).isEqualTo(1.0);
        }
        assertThat(report.path("results")).hasSize(6).allSatisfy(r -> assertThat(r.has("error")).as(r.toString()).isFalse());
        assertThat(Files.readString(out.resolve("report.md"))).contains("## Grounded vs plain").contains("+100.0 pp");
    }

    @Test
    void passesWhenTheFirstModelReachesTheThreshold() throws Exception {
        Path out = tmp.resolve("report-grounded-first");
        EvalNode.Result result = runEval(out, "grounded/fake-model");

        assertThat(result.exitCode()).as(result.output()).isZero();
        JsonNode report = Gold.JSON.readTree(out.resolve("report.json").toFile());
        assertThat(report.path("passed").asBoolean()).isTrue();
        assertThat(report.path("comparisons")).isEmpty();
        assertThat(summaries(report).get("grounded/fake-model").at("/overall/correct").asInt()).isEqualTo(3);
    }

    /**
     * Conversations are played for real: turn 2 reaches the upstream after turn 1's question and the gateway's own answer
     * to it. The scripted upstream answers a follow-up rightly only when that history arrives; it answers the second
     * conversation's follow-up wrongly on purpose, so the set scores one of two conversations and three of four turns.
     */
    @Test
    void playsConversationsWithTheGatewaysOwnAnswersAndScoresEachTurnAndConversation() throws Exception {
        List<JsonNode> conversations = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("evals/questions/multiturn.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode c = Gold.JSON.readTree(line);
            if (c.path("turns").size() == 2 && c.at("/turns/0/gold/type").asText().equals("number")
                    && c.at("/turns/1/gold/type").asText().equals("number") && conversations.size() < 2) {
                conversations.add(c);
            }
        }
        assertThat(conversations).hasSize(2);
        Path file = tmp.resolve("convs.jsonl");
        Files.writeString(file, String.join("\n", conversations.stream().map(JsonNode::toString).toList()) + "\n");
        String sabotaged = conversations.get(1).at("/turns/1/question").asText();
        List<JsonNode> followUps = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            fake.enqueue((req, resp, vertx) -> {
                JsonNode messages = req.json().path("messages");
                String question = messages.get(messages.size() - 1).path("content").asText();
                Reply reply = completion("unexpected: " + messages);
                for (JsonNode c : conversations) {
                    JsonNode first = c.path("turns").get(0);
                    JsonNode second = c.path("turns").get(1);
                    String firstAnswer = "Turn one: " + right(first.path("gold"));
                    if (messages.size() == 1 && question.equals(first.path("question").asText())) {
                        reply = completion(firstAnswer);
                    } else if (question.equals(second.path("question").asText())) {
                        followUps.add(messages);
                        boolean history = messages.size() == 3 && messages.get(0).path("content").asText().equals(first.path("question").asText())
                                && messages.get(1).path("role").asText().equals("assistant")
                                && messages.get(1).path("content").asText().equals(firstAnswer);
                        reply = completion(history && !question.equals(sabotaged) ? right(second.path("gold")) : wrong(second.path("gold")));
                    }
                }
                reply.answer(req, resp, vertx);
            });
        }
        Path out = tmp.resolve("report-convs");
        EvalNode.Result result = EvalNode.run(120, "run.mjs", "--base-url", gateway.toString(), "--questions", file.toString(),
                "--model", "fake-model", "--concurrency", "2", "--threshold", "0.9", "--out", out.toString());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(result.output()).contains("FAIL: fake-model answered 1 of 2 conversations correctly (50.0%) on convs");
        assertThat(followUps).hasSize(2).allSatisfy(m -> assertThat(m.toString()).contains("\"role\":\"assistant\""));
        JsonNode report = Gold.JSON.readTree(out.resolve("report.json").toFile());
        JsonNode set = report.at("/models/0/sets/0");
        assertThat(set.path("set").asText()).isEqualTo("convs");
        assertThat(set.path("kind").asText()).isEqualTo("conversations");
        assertThat(set.path("n").asInt()).isEqualTo(2);
        assertThat(set.path("correct").asInt()).isEqualTo(1);
        assertThat(set.path("wrong").asInt()).isEqualTo(1);
        assertThat(set.path("turns_correct").asInt()).isEqualTo(3);
        assertThat(set.path("follow_up_accuracy").asDouble()).isEqualTo(0.5);
        assertThat(report.path("results")).hasSize(4);
        assertThat(Files.readString(out.resolve("sets.md"))).contains("| convs | fake-model | 2 conversations | 1 | 1 | 0 | 50.0% | 0 of 0 |");
    }
}
