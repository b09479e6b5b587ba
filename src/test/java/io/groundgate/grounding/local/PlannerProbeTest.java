package io.groundgate.grounding.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.groundgate.grounding.ProvenanceRecorder;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlannerProbeTest {

    @Inject
    LocalPlanner planner;

    @Test
    void probe() throws IOException {
        for (String q : Files.readString(Path.of("/tmp/probe_q.txt")).strip().split("\\|")) {
            ProvenanceRecorder r = new ProvenanceRecorder();
            long t = System.nanoTime();
            var a = planner.answer(q, r);
            System.out.println("Q: " + q + "\nA: " + a.text() + "\n   unresolved=" + a.unresolved() + " ("
                    + (System.nanoTime() - t) / 1_000_000 + " ms)");
        }
    }
}
