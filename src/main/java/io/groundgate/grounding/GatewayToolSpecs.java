package io.groundgate.grounding;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.agent.tool.ToolSpecification;

import io.groundgate.tools.LangChain4jSchemas;
import io.groundgate.tools.Tool;
import io.groundgate.tools.ToolRegistry;

/**
 * The gateway's tools as LangChain4j specifications, converted once per tool set rather than once per request: the set
 * changes only when declarative tools reload, which yields new {@link Tool} instances.
 */
@ApplicationScoped
public class GatewayToolSpecs {

    private record Converted(List<Tool> tools, List<ToolSpecification> specs) {
    }

    private final ToolRegistry registry;
    private volatile Converted cache = new Converted(List.of(), List.of());

    public GatewayToolSpecs(ToolRegistry registry) {
        this.registry = registry;
    }

    public List<ToolSpecification> current() {
        List<Tool> tools = List.copyOf(registry.all());
        Converted cached = cache;
        if (!sameInstances(cached.tools(), tools)) {
            cached = new Converted(tools, tools.stream().map(t -> LangChain4jSchemas.toToolSpecification(t.spec())).toList());
            cache = cached;
        }
        return cached.specs();
    }

    private static boolean sameInstances(List<Tool> a, List<Tool> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }
}
