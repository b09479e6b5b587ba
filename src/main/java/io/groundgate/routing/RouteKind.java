package io.groundgate.routing;

/** How a model id is served. The client picks it with nothing but the model name. */
public enum RouteKind {
    /** {@code <model>}: the upstream model, bytes relayed unchanged. */
    PASSTHROUGH("passthrough"),
    /** {@code grounded/<model>}: the upstream model behind GroundGate's tool loop. */
    GROUNDED("grounded"),
    /** {@code groundgate-local}: the embedded planner, no LLM at all. */
    LOCAL("local");

    private final String label;

    RouteKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
