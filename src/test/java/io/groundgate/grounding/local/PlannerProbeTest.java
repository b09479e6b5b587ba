package io.groundgate.grounding.local;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.groundgate.grounding.ProvenanceRecorder;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlannerProbeTest {

    @Inject
    LocalPlanner planner;

    @Test
    void probe() {
        for (String q : List.of(System.getProperty("probe", "What is the density of gold?").split("\\|"))) {
            ProvenanceRecorder r = new ProvenanceRecorder();
            long t = System.nanoTime();
            var a = planner.answer(q, r);
            System.out.println("Q: " + q + "\nA: " + a.text() + "\n   unresolved=" + a.unresolved() + " ("
                    + (System.nanoTime() - t) / 1_000_000 + " ms)");
        }
    }
}
