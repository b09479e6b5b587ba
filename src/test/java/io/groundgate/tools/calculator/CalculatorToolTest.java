package io.groundgate.tools.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.tools.ToolContext;
import io.groundgate.tools.ToolResult;
import io.groundgate.tools.schema.JsonSchema;

class CalculatorToolTest {

    static final ObjectMapper JSON = new ObjectMapper();
    final CalculatorTool tool = new CalculatorTool(new Calculator(CalculatorLimits.defaults()));

    ToolResult run(String expression) {
        ObjectNode args = JSON.createObjectNode().put("expression", expression);
        return tool.execute(args, ToolContext.of("test"));
    }

    @Test
    void resultHasExactValueUnitNumberAndText() {
        ToolResult r = run("19.3 g/cm^3 * 2 L in kg");
        assertThat(r.ok()).isTrue();
        assertThat(r.result().toString()).isEqualTo("{\"expression\":\"19.3 g/cm^3 * 2 L in kg\",\"value\":\"38.6\","
                + "\"unit\":\"kg\",\"number\":38.6,\"text\":\"38.6 kg\",\"exact\":true}");
        assertThat(r.provenance().tool()).isEqualTo("calculator");
        assertThat(r.provenance().query()).isEqualTo("19.3 g/cm^3 * 2 L in kg");
        assertThat(r.provenance().arguments().get("expression").asText()).isEqualTo("19.3 g/cm^3 * 2 L in kg");
    }

    @Test
    void plainNumbersHaveNoUnit() {
        JsonNode result = run("0.1+0.2").result();
        assertThat(result.has("unit")).isFalse();
        assertThat(result.get("value").asText()).isEqualTo("0.3");
        assertThat(result.get("number").asDouble()).isEqualTo(0.3);
        assertThat(run("0.1+0.2").provenance().query()).isEqualTo("0.1 + 0.2");
    }

    @Test
    void hugeValuesKeepTheExactStringButNoDouble() {
        JsonNode result = run("10^400").result();
        assertThat(result.get("value").asText()).isEqualTo("1E+400");
        assertThat(result.has("number")).isFalse();
    }

    @Test
    void failuresAreStructured() {
        ToolResult r = run("2 * (3 + ");
        assertThat(r.ok()).isFalse();
        assertThat(r.error().code()).isEqualTo("parse_error");
        assertThat(r.error().where()).isEqualTo("column 10");
        assertThat(r.error().message()).startsWith("At column 10: expected a number");
        assertThat(run("1/0").error().code()).isEqualTo("math_error");
        assertThat(run("3 kg + 2 m").error().code()).isEqualTo("incompatible_units");
        assertThat(run("9999999!").error().code()).isEqualTo("limit_exceeded");
        assertThat(run("x".repeat(1_000_000)).error().code()).isEqualTo("limit_exceeded");
    }

    @Test
    void theCallersTimeBudgetCanOnlyShortenTheCalculators() {
        ToolResult r = tool.execute(JSON.createObjectNode().put("expression", "500!"),
                new ToolContext("t", Duration.ofNanos(1)));
        assertThat(r.error().code()).isEqualTo("limit_exceeded");
        assertThat(tool.execute(JSON.createObjectNode().put("expression", "500!"),
                new ToolContext("t", Duration.ofHours(1))).ok()).isTrue();
    }

    @Test
    void specIsAStrictObjectSchemaWithARequiredExpression() {
        assertThat(tool.spec().name()).isEqualTo("calculator");
        assertThat(tool.spec().description()).contains("in kg", "15% of 80");
        JsonSchema schema = JsonSchema.compile(tool.spec().parameters());
        assertThat(schema.validate(JSON.createObjectNode().put("expression", "1"))).isEmpty();
        assertThat(schema.validate(JSON.createObjectNode()).orElseThrow().pointer()).isEqualTo("/expression");
        assertThat(schema.validate(JSON.createObjectNode().put("expression", 1)).orElseThrow().message())
                .isEqualTo("expected string, got integer");
        assertThat(schema.validate(JSON.createObjectNode().put("expression", "1").put("extra", 1)).orElseThrow()
                .pointer()).isEqualTo("/extra");
    }
}
