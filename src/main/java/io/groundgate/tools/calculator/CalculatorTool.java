package io.groundgate.tools.calculator;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.tools.Provenance;
import io.groundgate.tools.Tool;
import io.groundgate.tools.ToolContext;
import io.groundgate.tools.ToolError;
import io.groundgate.tools.ToolResult;
import io.groundgate.tools.ToolSpec;

/**
 * The {@code calculator} tool: exact decimal arithmetic with units, for a model that must not do arithmetic in its head.
 * Result: {@code {"expression","value","unit","number","text","exact"}}; {@code value} is the exact decimal string,
 * {@code number} a double for convenience (left out beyond double's range), {@code unit} left out for plain numbers.
 */
@ApplicationScoped
public class CalculatorTool implements Tool {

    public static final String NAME = "calculator";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static final String DESCRIPTION = """
            Evaluates an arithmetic expression exactly (decimal, 34 significant digits when rounding is needed), \
            with units of measure. Use it for every calculation and unit conversion instead of computing yourself. \
            Operators: + - * / (also × ÷ and x between numbers), ^ or ** (right-associative), n!, parentheses. \
            Percent: 15% = 0.15; '15% of 80' = 12; '200 + 10%' = 220. \
            Functions: sqrt cbrt exp ln log10 log2 log(x) = log10, log(x, base), sin cos tan asin acos atan atan2 \
            (radians, or sin(30°) / sin(30 deg)), sind cosd tand asind acosd atand (degrees), abs round(x, digits) \
            floor ceil min max. Constants: pi, e. Numbers: 6.022e23, 1_234_567, 1,234,567 (not inside function calls). \
            Units follow a number: '5 km', '19.3 g/cm^3', '60 km/h', '20 °C'; convert with 'in' or 'to': \
            '19.3 g/cm^3 * 2 L in kg', '100 °C in °F'. Sums keep the left unit: '5 km + 300 m' = 5.3 km. \
            Write 'inch' for inches when 'in' could read as a conversion.""";

    private final Calculator calculator;
    private final ToolSpec spec;

    public CalculatorTool(Calculator calculator) {
        this.calculator = calculator;
        ObjectNode expression = JSON.objectNode()
                .put("type", "string")
                .put("description", "The expression, e.g. '19.3 g/cm^3 * 2 L in kg', 'sqrt(2) * 15% of 80', "
                        + "'100 °C in °F'. At most " + calculator.limits().maxLength() + " characters.");
        ObjectNode parameters = JSON.objectNode().put("type", "object");
        parameters.putObject("properties").set("expression", expression);
        parameters.putArray("required").add("expression");
        parameters.put("additionalProperties", false);
        this.spec = new ToolSpec(NAME, DESCRIPTION, parameters);
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public ToolResult execute(ObjectNode arguments, ToolContext context) {
        long start = System.nanoTime();
        JsonNode node = arguments.get("expression");
        Provenance provenance = Provenance.of(NAME, arguments);
        if (node == null || !node.isTextual()) {
            return ToolResult.failure(ToolError.at("invalid_arguments", "'expression' must be a string.", "/expression"),
                    provenance.withDuration(millisSince(start)));
        }
        String expression = node.textValue();
        try {
            CalcValue v = calculator.evaluate(expression, context.timeBudget());
            ObjectNode result = JSON.objectNode();
            result.put("expression", expression);
            result.put("value", v.formattedValue());
            if (v.unit() != null) {
                result.put("unit", v.unit());
            }
            Double number = Decimals.toDouble(v.value());
            if (number != null) {
                result.put("number", number);
            }
            result.put("text", v.text());
            result.put("exact", v.exact());
            return ToolResult.success(result, provenance.withQuery(v.expression()).withDuration(millisSince(start)));
        } catch (CalcException e) {
            String where = e.column() > 0 ? "column " + e.column() : null;
            return ToolResult.failure(ToolError.at(e.code(), e.getMessage(), where),
                    provenance.withDuration(millisSince(start)));
        }
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000.0;
    }
}
