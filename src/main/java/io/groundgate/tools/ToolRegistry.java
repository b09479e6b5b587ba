package io.groundgate.tools;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Every tool the gateway serves: CDI tool beans plus the tools of every {@link ToolProvider}. */
@ApplicationScoped
public class ToolRegistry {

    private final Instance<Tool> beans;
    private final Instance<ToolProvider> providers;

    public ToolRegistry(Instance<Tool> beans, Instance<ToolProvider> providers) {
        this.beans = beans;
        this.providers = providers;
    }

    public Collection<Tool> all() {
        List<Tool> tools = new ArrayList<>();
        beans.forEach(tools::add);
        providers.forEach(p -> tools.addAll(p.tools()));
        return tools;
    }

    public Optional<Tool> find(String name) {
        return all().stream().filter(t -> t.spec().name().equals(name)).findFirst();
    }

    public ToolResult execute(String name, ObjectNode arguments, ToolContext context) {
        Tool tool = find(name).orElse(null);
        if (tool == null) {
            return ToolResult.failure(ToolError.of("tool_not_found", "no tool named '" + name + "'"), null);
        }
        try {
            return tool.execute(arguments, context);
        } catch (RuntimeException e) {
            return ToolResult.failure(ToolError.of("internal_error", "the tool failed: " + e.getMessage()), null);
        }
    }
}
