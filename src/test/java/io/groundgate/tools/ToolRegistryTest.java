package io.groundgate.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import io.groundgate.tools.calculator.Calculator;
import io.groundgate.tools.calculator.CalculatorLimits;
import io.groundgate.tools.calculator.CalculatorTool;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ToolRegistryTest {

    static final ObjectMapper JSON = new ObjectMapper();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final CalculatorTool calculator = new CalculatorTool(new Calculator(CalculatorLimits.defaults()));

    /** A tool whose behaviour each test scripts. */
    record FakeTool(ToolSpec spec, BiFunction<ObjectNode, ToolContext, ToolResult> body, AtomicInteger calls)
            implements Tool {

        FakeTool(String name, BiFunction<ObjectNode, ToolContext, ToolResult> body) {
            this(new ToolSpec(name, "A test tool named " + name, echoSchema()), body, new AtomicInteger());
        }

        static ObjectNode echoSchema() {
            ObjectNode schema = JSON.createObjectNode().put("type", "object").put("additionalProperties", false);
            schema.putObject("properties").putObject("text").put("type", "string").put("description", "What to echo");
            schema.putArray("required").add("text");
            return schema;
        }

        public ToolResult execute(ObjectNode arguments, ToolContext context) {
            calls.incrementAndGet();
            return body.apply(arguments, context);
        }
    }

    static FakeTool echo(String name) {
        return new FakeTool(name, (args, ctx) -> ToolResult.success(args.get("text"), Provenance.of(name, args)));
    }

    static ObjectNode args(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    ToolRegistry registry(Collection<? extends Tool> tools, Collection<? extends ToolProvider> providers) {
        return new ToolRegistry(tools, providers, Set.of(), meters);
    }

    double calls(String tool, String outcome) {
        var counter = meters.find("groundgate.tool.calls").tag("tool", tool).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void listsAndFindsToolsSortedByName() {
        ToolRegistry r = registry(List.of(echo("zeta"), calculator, echo("alpha")), List.of());
        assertThat(r.all()).extracting(t -> t.spec().name()).containsExactly("alpha", "calculator", "zeta");
        assertThat(r.find("calculator")).containsSame(calculator);
        assertThat(r.find("nope")).isEmpty();
        assertThat(r.find(null)).isEmpty();
    }

    @Test
    void executesAValidCallAndRecordsMetrics() {
        ToolRegistry r = registry(List.of(calculator), List.of());
        ToolResult result = r.execute("calculator", args("{\"expression\":\"2+2\"}"), ToolContext.of("t"));
        assertThat(result.ok()).isTrue();
        assertThat(result.result().get("value").asText()).isEqualTo("4");
        assertThat(result.provenance().durationMs()).isPositive();
        assertThat(calls("calculator", "ok")).isEqualTo(1);
        r.execute("calculator", args("{\"expression\":\"1/0\"}"), ToolContext.of("t"));
        assertThat(calls("calculator", "error")).isEqualTo(1);
        assertThat(meters.find("groundgate.tool.duration").tag("tool", "calculator").timer().count()).isEqualTo(2);
    }

    @Test
    void validatesArgumentsBeforeTheToolRuns() {
        FakeTool tool = echo("echo");
        ToolRegistry r = registry(List.of(tool), List.of());
        ToolResult result = r.execute("echo", args("{\"text\":5}"), ToolContext.of("t"));
        assertThat(result.ok()).isFalse();
        assertThat(result.error().code()).isEqualTo(ToolRegistry.INVALID_ARGUMENTS);
        assertThat(result.error().where()).isEqualTo("/text");
        assertThat(result.error().message()).isEqualTo("Invalid arguments for echo: /text expected string, got integer.");
        assertThat(result.provenance().tool()).isEqualTo("echo");
        assertThat(tool.calls()).hasValue(0);
        assertThat(calls("echo", "invalid_arguments")).isEqualTo(1);
        assertThat(r.validate("echo", args("{}")).orElseThrow().pointer()).isEqualTo("/text");
        assertThat(r.validate("echo", args("{\"text\":\"x\"}"))).isEmpty();
    }

    @Test
    void nullArgumentsCountAsAnEmptyObject() {
        ToolResult result = registry(List.of(echo("echo")), List.of()).execute("echo", null, null);
        assertThat(result.error().code()).isEqualTo(ToolRegistry.INVALID_ARGUMENTS);
        assertThat(result.error().where()).isEqualTo("/text");
    }

    @Test
    void unknownToolIsAFailureNamingTheAvailableTools() {
        ToolResult result = registry(List.of(calculator, echo("echo")), List.of()).execute("calc", args("{}"),
                ToolContext.of("t"));
        assertThat(result.ok()).isFalse();
        assertThat(result.error().code()).isEqualTo(ToolRegistry.TOOL_NOT_FOUND);
        assertThat(result.error().message()).contains("'calc'", "calculator, echo");
    }

    @Test
    void exceptionsInsideAToolBecomeInternalErrors() {
        FakeTool broken = new FakeTool("broken", (a, c) -> {
            throw new IllegalStateException("secret detail");
        });
        FakeTool overflowing = new FakeTool("deep", (a, c) -> {
            throw new StackOverflowError();
        });
        FakeTool silent = new FakeTool("silent", (a, c) -> null);
        ToolRegistry r = registry(List.of(broken, overflowing, silent), List.of());
        for (String name : List.of("broken", "deep", "silent")) {
            ToolResult result = r.execute(name, args("{\"text\":\"x\"}"), ToolContext.of("t"));
            assertThat(result.ok()).isFalse();
            assertThat(result.error().code()).isEqualTo(ToolRegistry.INTERNAL_ERROR);
            assertThat(result.error().message()).doesNotContain("secret");
            assertThat(result.provenance()).isNotNull();
            assertThat(calls(name, "internal_error")).isEqualTo(1);
            assertThat(calls(name, "error")).isZero();
        }
    }

    @Test
    void passesTheContextThrough() {
        FakeTool tool = new FakeTool("ctx", (a, c) -> ToolResult.success(JSON.getNodeFactory().textNode(c.requestId()),
                null));
        ToolResult result = registry(List.of(tool), List.of()).execute("ctx", args("{\"text\":\"x\"}"),
                ToolContext.of("req-42"));
        assertThat(result.result().asText()).isEqualTo("req-42");
        assertThat(result.provenance().tool()).isEqualTo("ctx");
    }

    @Test
    void refusesInvalidOrDuplicateStartUpTools() {
        assertThatThrownBy(() -> registry(List.of(echo("echo"), echo("echo")), List.of()))
                .hasMessageContaining("Two tools are named 'echo'");
        assertThatThrownBy(() -> registry(List.of(echo("has space")), List.of()))
                .hasMessageContaining("is not 1 to 64 characters");
        assertThatThrownBy(() -> registry(List.of(echo("x".repeat(65))), List.of()))
                .hasMessageContaining("is not 1 to 64 characters");
        FakeTool badSchema = new FakeTool(new ToolSpec("bad", "d", args("{\"type\":\"object\",\"properties\":"
                + "{\"a\":{\"type\":\"text\"}}}")), (a, c) -> null, new AtomicInteger());
        assertThatThrownBy(() -> registry(List.of(badSchema), List.of()))
                .hasMessageContaining("'bad'", "/properties/a", "unknown type 'text'");
        FakeTool notObject = new FakeTool(new ToolSpec("arr", "d", args("{\"type\":\"array\"}")), (a, c) -> null,
                new AtomicInteger());
        assertThatThrownBy(() -> registry(List.of(notObject), List.of())).hasMessageContaining("type object");
    }

    @Test
    void disabledToolsAreLeftOut() {
        ToolRegistry r = new ToolRegistry(List.of(calculator, echo("echo")), List.of(), Set.of("calculator"), meters);
        assertThat(r.all()).extracting(t -> t.spec().name()).containsExactly("echo");
        assertThat(r.execute("calculator", args("{\"expression\":\"1\"}"), null).error().code())
                .isEqualTo(ToolRegistry.TOOL_NOT_FOUND);
    }

    @Test
    void providersServeToolsThatCanChange() {
        List<Tool> served = new ArrayList<>(List.of(echo("dyn_a")));
        ToolProvider provider = () -> List.copyOf(served);
        ToolRegistry r = registry(List.of(calculator), List.of(provider));
        assertThat(r.all()).extracting(t -> t.spec().name()).containsExactly("calculator", "dyn_a");
        assertThat(r.execute("dyn_a", args("{\"text\":\"hi\"}"), null).result().asText()).isEqualTo("hi");
        assertThat(r.execute("dyn_a", args("{}"), null).error().code()).isEqualTo(ToolRegistry.INVALID_ARGUMENTS);
        served.clear();
        served.add(echo("dyn_b"));
        assertThat(r.all()).extracting(t -> t.spec().name()).containsExactly("calculator", "dyn_b");
        assertThat(r.find("dyn_a")).isEmpty();
        assertThat(r.execute("dyn_b", args("{\"text\":\"x\"}"), null).ok()).isTrue();
    }

    @Test
    void badOrClashingDynamicToolsAreLeftOut() {
        FakeTool clash = echo("calculator");
        FakeTool badName = echo("bad name");
        FakeTool badSchema = new FakeTool(new ToolSpec("bad_schema", "d", args("{\"properties\":{\"a\":"
                + "{\"pattern\":\"(\"}}}")), (a, c) -> null, new AtomicInteger());
        ToolProvider provider = () -> List.of(clash, badName, badSchema, echo("fine"));
        ToolRegistry r = registry(List.of(calculator), List.of(provider));
        assertThat(r.all()).extracting(t -> t.spec().name()).containsExactly("calculator", "fine");
        assertThat(r.find("calculator")).containsSame(calculator);
        assertThat(r.find("bad_schema")).isEmpty();
        assertThat(r.execute("calculator", args("{\"expression\":\"1+1\"}"), null).result().get("value").asText())
                .isEqualTo("2");
        assertThat(clash.calls()).hasValue(0);
    }

    @Test
    void convertsToOpenAiTools() {
        ArrayNode tools = registry(List.of(calculator, echo("echo")), List.of()).toOpenAiTools();
        assertThat(tools).hasSize(2);
        assertThat(tools.get(0).get("type").asText()).isEqualTo("function");
        assertThat(tools.get(0).get("function").get("name").asText()).isEqualTo("calculator");
        assertThat(tools.get(0).get("function").get("description").asText()).contains("exactly");
        assertThat(tools.get(0).get("function").get("parameters")).isEqualTo(calculator.spec().parameters());
        assertThat(tools.get(1).get("function").get("parameters").get("required").get(0).asText()).isEqualTo("text");
    }

    @Test
    void convertsToLangChain4jSpecifications() {
        List<ToolSpecification> specs = registry(List.of(calculator, echo("echo")), List.of()).toToolSpecifications();
        assertThat(specs).extracting(ToolSpecification::name).containsExactly("calculator", "echo");
        JsonObjectSchema params = specs.get(1).parameters();
        assertThat(params.required()).containsExactly("text");
        assertThat(params.additionalProperties()).isFalse();
        assertThat(params.properties().get("text")).isInstanceOf(JsonStringSchema.class);
        assertThat(params.properties().get("text").description()).isEqualTo("What to echo");
        assertThat(specs.get(0).description()).isEqualTo(calculator.spec().description());
    }
}
