package io.groundgate.bench.kgtools;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.tools.ToolContext;
import io.groundgate.tools.ToolResult;
import io.groundgate.tools.kg.DemoGraph;
import io.groundgate.tools.kg.KgDescribeTool;
import io.groundgate.tools.kg.KgSearchTool;

/**
 * Latency of {@code kg_describe} and {@code kg_search} on the demo knowledge base ({@code ontologies/}), through the
 * tools' {@code execute} (argument checks, lookups, JSON result and provenance). Run with {@code bench/kgtools/run.sh}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KgToolsBench {

    private static final ToolContext CONTEXT = ToolContext.of("bench");

    /** kg_describe over entities with few facts (an element), many (a country) and many incoming (a continent). */
    @State(Scope.Benchmark)
    public static class Describe {
        @Param({ "element/Au", "country/DEU", "continent/Europe" })
        public String entity;

        KnowledgeGraph kg;
        KgDescribeTool tool;
        ObjectNode args;

        @Setup
        public void setUp() {
            kg = DemoGraph.start();
            tool = new KgDescribeTool(kg);
            args = JsonNodeFactory.instance.objectNode().put("iri", DemoGraph.RES + entity);
            check(tool.execute(args, CONTEXT));
        }

        @TearDown
        public void tearDown() {
            DemoGraph.stop(kg);
        }
    }

    /** kg_search for an exact label, a prefix, an accent-folded name, a typo, and with a class filter. */
    @State(Scope.Benchmark)
    public static class Search {
        @Param({ "gold", "Germ", "cote d'ivoire", "Switzrland", "stainless|gg:Material" })
        public String query;

        KnowledgeGraph kg;
        KgSearchTool tool;
        ObjectNode args;

        @Setup
        public void setUp() {
            kg = DemoGraph.start();
            tool = new KgSearchTool(kg);
            String[] q = query.split("\\|");
            args = JsonNodeFactory.instance.objectNode().put("query", q[0]);
            if (q.length > 1) {
                args.put("type", q[1]);
            }
            check(tool.execute(args, CONTEXT));
        }

        @TearDown
        public void tearDown() {
            DemoGraph.stop(kg);
        }
    }

    private static void check(ToolResult r) {
        if (!r.ok() || r.result().path("hits").isArray() && r.result().path("hits").isEmpty()) {
            throw new IllegalStateException("benchmark call found nothing: " + r.error() + " " + r.result());
        }
    }

    @Benchmark
    public ToolResult kgDescribe(Describe state) {
        return state.tool.execute(state.args, CONTEXT);
    }

    @Benchmark
    public ToolResult kgSearch(Search state) {
        return state.tool.execute(state.args, CONTEXT);
    }
}
