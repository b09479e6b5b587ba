package io.groundgate.grounding.local.reading;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.groundgate.tools.kg.DemoGraph;

/**
 * A report, not a gate: which questions of the eval's dev split the reading planner answers itself on the demo graph
 * (the rest fall to the older cascade). Run it with
 * {@code ./mvnw -B -ntp test -Dtest=ReadingPlannerDevReport -DskipNodeSdk}.
 */
class ReadingPlannerDevReport {

    @Test
    void report() throws Exception {
        ObjectMapper json = new ObjectMapper();
        StringBuilder out = new StringBuilder("\nREADING PLANNER ON THE DEV SPLIT\n");
        int answered = 0;
        int all = 0;
        for (String line : Files.readAllLines(Path.of("evals/questions/dev.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode q = json.readTree(line);
            Graphs.Run r = Graphs.ask(DemoGraph.ONTOLOGIES, q.path("question").asText());
            all++;
            boolean declined = r.outcome() instanceof ReadingPlanner.Declined;
            answered += declined ? 0 : 1;
            out.append(declined ? "OLD " : "NEW ").append(q.path("category").asText()).append(" | ")
                    .append(q.path("question").asText()).append(" | ").append(r.text().replace('\n', ' '))
                    .append(" | gold ").append(q.path("gold")).append('\n');
        }
        out.append(answered).append(" of ").append(all).append(" taken by the reading planner\n");
        System.out.println(out);
    }
}
