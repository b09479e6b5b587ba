package io.groundgate.tools.kg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.tools.ToolContext;
import io.groundgate.tools.ToolResult;

/**
 * The broken-query measurement: deliberately broken queries (misspelt classes and properties, wrong direction, wrong
 * class, missing prefixes, values written differently) from {@code graphs/broken-queries.tsv}, each run through
 * {@code sparql_query}; a query counts as diagnosed when the tool's answer names the fix. Prints the share.
 */
class BrokenQueriesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, KnowledgeGraph> GRAPHS = new HashMap<>();
    private static final double THRESHOLD = 0.9;

    private static KnowledgeGraph graph(String name) {
        return GRAPHS.computeIfAbsent(name, n -> n.equals("demo") ? DemoGraph.shared()
                : DemoGraph.start(Path.of("src/test/resources/graphs", n), 10_000, Duration.ofSeconds(10)));
    }

    @AfterAll
    static void stop() {
        GRAPHS.forEach((n, kg) -> {
            if (!n.equals("demo")) {
                kg.stop();
            }
        });
    }

    @Test
    void mostBrokenQueriesComeBackWithTheRightDiagnosis() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/graphs/broken-queries.tsv"));
        int total = 0;
        int diagnosed = 0;
        List<String> missed = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            KnowledgeGraph kg = graph(f[0]);
            SparqlQueryTool tool = new SparqlQueryTool(kg, 10_000, 100_000);
            ToolResult r = tool.execute(JSON.createObjectNode().put("query", f[2]), ToolContext.of("broken"));
            String answer = (r.error() == null ? "" : r.error().message()) + " "
                    + (r.result() == null ? "" : r.result().path("notes") + " " + r.result().path("warnings") + " "
                            + r.result().path("diagnosis").asText());
            total++;
            if (answer.contains(f[1])) {
                diagnosed++;
            } else {
                missed.add(f[0] + " | " + f[2] + " | wanted '" + f[1] + "' | got: " + answer.strip());
            }
        }
        double share = (double) diagnosed / total;
        System.out.printf("Broken-query diagnosis: %d of %d diagnosed correctly (%.1f %%)%n", diagnosed, total,
                share * 100);
        missed.forEach(m -> System.out.println("  missed: " + m));
        assertThat(total).isGreaterThanOrEqualTo(50);
        assertThat(share).as("share diagnosed; missed: %s", missed).isGreaterThanOrEqualTo(THRESHOLD);
    }

    @Test
    void aMisspeltPropertyNamesTheRightOneWithItsClassAndCount() throws Exception {
        SparqlQueryTool tool = new SparqlQueryTool(DemoGraph.shared(), 10_000, 100_000);
        ToolResult r = tool.execute(JSON.createObjectNode().put("query",
                "SELECT ?c ?p WHERE { ?c a gg:Country ; gg:populaton ?p }"), ToolContext.of("t"));
        long countries = DemoGraph.values("SELECT ?v WHERE { ?v a gg:Country ; gg:population ?p }").size();
        assertThat(r.ok()).isFalse();
        assertThat(r.error().code()).isEqualTo("unknown_term");
        assertThat(r.error().message()).contains("`gg:populaton` does not exist")
                .contains("did you mean `gg:population` (country, " + countries + " subjects)");
    }

    @Test
    void anEmptyResultSaysWhichPatternMatchedNothing() throws Exception {
        SparqlQueryTool tool = new SparqlQueryTool(graph("enterprise"), 10_000, 100_000);
        ToolResult r = tool.execute(JSON.createObjectNode().put("query",
                "SELECT ?s WHERE { ?s a ex:Supplier ; ex:country \"switzerland\" }"), ToolContext.of("t"));
        assertThat(r.ok()).isTrue();
        assertThat(r.result().path("rows")).isEmpty();
        assertThat(r.result().path("diagnosis").asText()).contains("`?s ex:country \"switzerland\"` matches nothing")
                .contains("LCASE");
    }
}
