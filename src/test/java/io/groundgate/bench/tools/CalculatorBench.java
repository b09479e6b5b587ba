package io.groundgate.bench.tools;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.tools.ToolContext;
import io.groundgate.tools.ToolRegistry;
import io.groundgate.tools.ToolResult;
import io.groundgate.tools.calculator.CalcValue;
import io.groundgate.tools.calculator.Calculator;
import io.groundgate.tools.calculator.CalculatorLimits;
import io.groundgate.tools.calculator.CalculatorTool;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Calculator latency for typical expressions, through the plain Java API and through the registry (schema validation,
 * metrics, JSON result). Run with {@code bench/tools/run.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CalculatorBench {

    @Param({
            "0.1 + 0.2",
            "(1 + 2) * 3 - 4 / 5",
            "15% of 80",
            "1,234,567.8 * 3",
            "19.3 g/cm^3 * 2 L in kg",
            "100 °C in °F",
            "60 mph * 2 h in km",
            "sqrt(2) * 2^10",
            "sin(30°) + cos(pi / 3)",
            "ln(10) / log(8, 2)",
            "100!",
    })
    public String expression;

    private Calculator calculator;
    private ToolRegistry registry;
    private ObjectNode arguments;
    private ToolContext context;

    @Setup
    public void setUp() {
        calculator = new Calculator(CalculatorLimits.defaults());
        registry = new ToolRegistry(java.util.List.of(new CalculatorTool(calculator)), java.util.List.of(),
                java.util.Set.of(), new SimpleMeterRegistry());
        arguments = JsonNodeFactory.instance.objectNode().put("expression", expression);
        context = ToolContext.of("bench");
    }

    @Benchmark
    public CalcValue evaluate() {
        return calculator.evaluate(expression);
    }

    @Benchmark
    public ToolResult viaRegistry() {
        return registry.execute("calculator", arguments, context);
    }
}
