package io.groundgate.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.kg.TestConfig;
import io.groundgate.upstream.JsonFragments;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The system prompt's JSON is written once per graph version: the same placeholder while the version is served, a new
 * one (with the new schema) after a reload, and the old one still spliced for a request that began before it.
 */
class SystemPromptFragmentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    KnowledgeGraph kg;
    final JsonFragments fragments = new JsonFragments();

    @BeforeEach
    void start() {
        TestConfig.copyFixture("basic", dir);
        kg = new KnowledgeGraph(TestConfig.memory(dir), new SimpleMeterRegistry());
        kg.start();
    }

    @AfterEach
    void stop() {
        kg.stop();
    }

    @Test
    void writtenOncePerGraphVersionAndAgainAfterAReload() throws Exception {
        SystemPrompt prompt = new SystemPrompt(new Config(), kg, fragments);
        String before = prompt.placeholder();
        String textBefore = prompt.text();
        assertThat(prompt.placeholder()).isSameAs(before);
        assertThat(spliced(before)).isEqualTo(textBefore);
        assertThat(textBefore).contains("Instructions.").doesNotContain("Contraption");

        Files.writeString(dir.resolve("contraptions.ttl"), """
                @prefix ex: <https://example.org/widgets#> .
                @prefix owl: <http://www.w3.org/2002/07/owl#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                ex:Contraption a owl:Class ; rdfs:label "contraption"@en .
                ex:c1 a ex:Contraption ; rdfs:label "Contraption One"@en ; ex:mass 3.5 .
                """);
        assertThat(kg.reload().success()).isTrue();

        String after = prompt.placeholder();
        assertThat(after).isNotEqualTo(before);
        assertThat(prompt.text()).isNotEqualTo(textBefore).contains("Contraption");
        assertThat(spliced(after)).isEqualTo(prompt.text());
        // a request built before the reload still holds its placeholder, and still gets the prompt it was built with
        assertThat(spliced(before)).isEqualTo(textBefore);
    }

    /** The text a body carrying only this placeholder as a string value reaches the upstream with. */
    private String spliced(String placeholder) throws Exception {
        String body = "{\"content\" : \"" + placeholder + "\"}";
        String sent = fragments.encode(body).toString(StandardCharsets.UTF_8);
        assertThat(sent).doesNotContain(placeholder);
        return JSON.readTree(sent).path("content").asText();
    }

    private record Config() implements GroundingConfig {
        @Override
        public int maxRounds() {
            return 6;
        }

        @Override
        public int maxToolCallsPerRound() {
            return 8;
        }

        @Override
        public Duration toolTimeout() {
            return Duration.ofSeconds(10);
        }

        @Override
        public int parallelTools() {
            return 4;
        }

        @Override
        public Duration keepAliveInterval() {
            return Duration.ofSeconds(10);
        }

        @Override
        public int pendingToolCallsMax() {
            return 100;
        }

        @Override
        public Duration pendingToolCallsTtl() {
            return Duration.ofMinutes(10);
        }

        @Override
        public String systemPrompt() {
            return "Instructions.";
        }

        @Override
        public String contextPrompt() {
            return "Context.";
        }

        @Override
        public boolean includeSchema() {
            return true;
        }

        @Override
        public Optional<String> systemPromptFile() {
            return Optional.empty();
        }
    }
}
