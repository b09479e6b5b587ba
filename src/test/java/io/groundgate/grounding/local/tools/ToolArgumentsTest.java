package io.groundgate.grounding.local.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.groundgate.grounding.local.conversation.Referent;
import io.groundgate.tools.ToolSpec;

/** Arguments from a question for the shipped tools' schemas: complete or none, never guessed. */
class ToolArgumentsTest {

    static JsonNode tool(String file) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Path.of("tools", file)));
    }

    static Referent named(String surface) {
        return new Referent("urn:x:" + surface, surface, List.of(), List.of(), surface);
    }

    @Test
    void anAmountWithItsUnitAndAnEntityFillTheMassTool() throws Exception {
        JsonNode params = tool("material_mass.yaml").get("parameters");
        assertThat(ToolArguments.extract(params, "How much do 3 L of gold weigh?", List.of(named("gold"))))
                .hasValueSatisfying(a -> assertThat(a.toString()).isEqualTo("{\"volume\":\"3 L\",\"material\":\"gold\"}"));
        // no amount: the required volume is missing
        assertThat(ToolArguments.extract(params, "How much does gold weigh?", List.of(named("gold")))).isEmpty();
        // two entities for one parameter: nothing is guessed
        assertThat(ToolArguments.extract(params, "How much do 3 L of gold and lead weigh?",
                List.of(named("gold"), named("lead")))).isEmpty();
    }

    @Test
    void enumValuesComeFromTheQuestionAndEntitiesInOrder() throws Exception {
        JsonNode params = tool("compare_countries.yaml").get("parameters");
        assertThat(ToolArguments.extract(params, "Compare the land area of Peru and Chile",
                List.of(named("Peru"), named("Chile")))).hasValueSatisfying(a -> {
                    assertThat(a.get("property").asText()).isEqualTo("land area");
                    assertThat(a.get("first").asText()).isEqualTo("Peru");
                    assertThat(a.get("second").asText()).isEqualTo("Chile");
                });
        assertThat(ToolArguments.extract(params, "Compare Peru and Chile", List.of(named("Peru"), named("Chile"))))
                .isEmpty();
    }

    @Test
    void aToolExplainsAQuestionOnlyWhenItSpeaksOfEveryContentWord() throws Exception {
        JsonNode t = tool("material_mass.yaml");
        ToolSpec spec = new ToolSpec(t.get("name").asText(), t.get("description").asText(),
                (com.fasterxml.jackson.databind.node.ObjectNode) t.get("parameters"));
        assertThat(LocalToolUse.explains(spec, "What is the mass of 3 L of  ?")).isTrue();
        assertThat(LocalToolUse.explains(spec, "What is the price of 3 L of  ?")).isFalse();
    }
}
