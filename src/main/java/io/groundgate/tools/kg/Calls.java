package io.groundgate.tools.kg;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.groundgate.tools.Provenance;

/** One tool call's timing and provenance, started when the call starts. */
final class Calls {

    private final String tool;
    private final ObjectNode arguments;
    private final long start = System.nanoTime();

    Calls(String tool, ObjectNode arguments) {
        this.tool = tool;
        this.arguments = arguments;
    }

    Provenance provenance(String query, String graphVersion, List<Provenance.Fact> facts, List<String> sources) {
        return new Provenance(tool, arguments, query, graphVersion, facts, sources, elapsedMs());
    }

    double elapsedMs() {
        return Math.round((System.nanoTime() - start) / 1_000.0) / 1_000.0;
    }
}
