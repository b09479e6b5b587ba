package io.groundgate.grounding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects the steps of one request, possibly from parallel tool calls, and builds its {@link Grounding}. */
public final class ProvenanceRecorder {

    private final List<GroundingStep> steps = new ArrayList<>();
    private final List<String> unresolved = new ArrayList<>();

    public synchronized void record(GroundingStep step) {
        steps.add(step);
    }

    public synchronized void unresolved(String what) {
        unresolved.add(what);
    }

    public synchronized List<GroundingStep> steps() {
        return List.copyOf(steps);
    }

    public synchronized Grounding build(String route, String graphVersion, int rounds) {
        Set<String> sources = new LinkedHashSet<>();
        String version = graphVersion;
        for (GroundingStep step : steps) {
            if (step.ok()) {
                sources.addAll(step.sources());
            }
            if (version == null && step.graphVersion() != null) {
                version = step.graphVersion();
            }
        }
        return new Grounding(route, version, rounds, List.copyOf(steps), List.copyOf(sources),
                unresolved.isEmpty() ? null : List.copyOf(unresolved));
    }
}
