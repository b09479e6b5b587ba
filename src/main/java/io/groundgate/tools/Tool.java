package io.groundgate.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A tool that models and the local planner can call. Implementations are CDI beans (or come from a
 * {@link ToolProvider}); they must be thread-safe and must not throw for anything the caller did wrong: a bad argument,
 * a refused query or a timeout is a {@link ToolResult#failure failed result} the model can act on.
 */
public interface Tool {

    ToolSpec spec();

    /**
     * Runs the tool. The registry has already checked {@code arguments} against {@link ToolSpec#parameters()}.
     */
    ToolResult execute(ObjectNode arguments, ToolContext context);
}
