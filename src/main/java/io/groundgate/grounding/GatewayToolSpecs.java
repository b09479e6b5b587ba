package io.groundgate.grounding;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.langchain4j.agent.tool.ToolSpecification;

import io.groundgate.tools.LangChain4jSchemas;
import io.groundgate.tools.Tool;
import io.groundgate.tools.ToolRegistry;
import io.groundgate.upstream.JsonFragments;

/**
 * The gateway's tools as LangChain4j specifications and as the JSON of an OpenAI {@code tools} array, converted and
 * written once per tool set rather than once per request or round: the set changes only when declarative tools reload,
 * which yields new {@link Tool} instances.
 */
@ApplicationScoped
public class GatewayToolSpecs {

    /**
     * One tool set.
     *
     * @param elements the OpenAI chat-completions JSON of the tools, the array's elements without the brackets
     * @param placeholder stands for the whole array in the bodies LangChain4j writes (see {@link JsonFragments})
     */
    public record ToolSet(List<ToolSpecification> specs, String elements, String placeholder) {
    }

    private record Converted(List<Tool> tools, ToolSet set) {
    }

    private final ToolRegistry registry;
    private final JsonFragments fragments;
    private volatile Converted cache;

    @Inject
    public GatewayToolSpecs(ToolRegistry registry, JsonFragments fragments) {
        this.registry = registry;
        this.fragments = fragments;
        this.cache = new Converted(List.of(), toolSet(List.of()));
    }

    public List<ToolSpecification> current() {
        return currentSet().specs();
    }

    public ToolSet currentSet() {
        List<Tool> tools = List.copyOf(registry.all());
        Converted cached = cache;
        if (!ToolRegistry.sameInstances(cached.tools(), tools)) {
            cached = new Converted(tools,
                    toolSet(tools.stream().map(t -> LangChain4jSchemas.toToolSpecification(t.spec())).toList()));
            cache = cached;
        }
        return cached.set();
    }

    private ToolSet toolSet(List<ToolSpecification> specs) {
        String elements = JsonFragments.toolElements(specs);
        return new ToolSet(specs, elements, fragments.placeholder("[" + elements + "]"));
    }
}
