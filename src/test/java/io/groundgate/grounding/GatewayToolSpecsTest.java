package io.groundgate.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.langchain4j.agent.tool.ToolSpecification;

import io.groundgate.tools.Tool;
import io.groundgate.tools.ToolContext;
import io.groundgate.tools.ToolProvider;
import io.groundgate.tools.ToolRegistry;
import io.groundgate.tools.ToolResult;
import io.groundgate.tools.ToolSpec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class GatewayToolSpecsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Tool tool(String name) {
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        schema.putObject("properties").putObject("q").put("type", "string").put("description", "what to look for");
        schema.putArray("required").add("q");
        ToolSpec spec = new ToolSpec(name, "finds " + name, schema);
        return new Tool() {
            @Override
            public ToolSpec spec() {
                return spec;
            }

            @Override
            public ToolResult execute(ObjectNode arguments, ToolContext context) {
                return ToolResult.success(arguments, null);
            }
        };
    }

    @Test
    void convertsOncePerToolSetAndAgainWhenTheSetChanges() {
        List<Tool> dynamic = new ArrayList<>(List.of(tool("first")));
        ToolProvider provider = () -> List.copyOf(dynamic);
        ToolRegistry registry = new ToolRegistry(List.of(tool("fixed")), List.of(provider), Set.of(), new SimpleMeterRegistry());
        GatewayToolSpecs specs = new GatewayToolSpecs(registry, new io.groundgate.upstream.JsonFragments());

        List<ToolSpecification> before = specs.current();
        assertThat(specs.current()).isSameAs(before);
        assertThat(before).extracting(ToolSpecification::name).containsExactlyInAnyOrder("fixed", "first");
        assertThat(before.get(0).parameters().required()).containsExactly("q");

        GatewayToolSpecs.ToolSet set = specs.currentSet();
        assertThat(specs.currentSet().placeholder()).isSameAs(set.placeholder()); // JSON written once per tool set
        assertThat(set.elements()).contains("\"name\":\"first\"").doesNotContain("second");

        dynamic.set(0, tool("second")); // a reload of declarative tools yields new instances
        assertThat(specs.current()).extracting(ToolSpecification::name).containsExactlyInAnyOrder("fixed", "second");
        GatewayToolSpecs.ToolSet reloaded = specs.currentSet();
        assertThat(reloaded.placeholder()).isNotEqualTo(set.placeholder());
        assertThat(reloaded.elements()).contains("\"name\":\"second\"").doesNotContain("\"first\"");
    }
}
