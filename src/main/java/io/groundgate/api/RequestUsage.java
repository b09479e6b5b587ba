package io.groundgate.api;

import io.groundgate.chat.Usage;
import io.vertx.ext.web.RoutingContext;

/** What a request consumed, recorded by the route that served it for the access log: tokens and tool steps. */
public final class RequestUsage {

    private static final String USAGE = "groundgate.usage";
    private static final String TOOL_STEPS = "groundgate.toolSteps";

    private RequestUsage() {
    }

    /** Records the answer's token usage (the last one wins: a stream's usage chunk holds the totals). */
    public static void tokens(RoutingContext ctx, Usage usage) {
        if (usage != null) {
            ctx.put(USAGE, usage);
        }
    }

    /** Records how many tool calls the gateway ran to answer. */
    public static void toolSteps(RoutingContext ctx, int steps) {
        ctx.put(TOOL_STEPS, steps);
    }

    /** The recorded usage, or null when the route reported none. */
    public static Usage tokens(RoutingContext ctx) {
        return ctx.get(USAGE);
    }

    /** The recorded tool steps, or 0. */
    public static int toolSteps(RoutingContext ctx) {
        Integer steps = ctx.get(TOOL_STEPS);
        return steps == null ? 0 : steps;
    }
}
