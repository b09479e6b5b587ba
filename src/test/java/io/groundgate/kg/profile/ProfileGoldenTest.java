package io.groundgate.kg.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The profile's content does not depend on how it is read: the JSON ({@code GET /admin/kg/profile}) and the name index
 * of the two fictional test graphs, in full and with a small per-class sample (which takes the sampled paths: scaled
 * counts, exact categories by query, value nodes probed through untyped objects), equal what the SPARQL-only builder
 * produced before the graph was read through {@code Graph.find} ({@code graphs/profile-golden/}, build time and version
 * left out), both when read directly and when read through SELECT queries as from a remote endpoint.
 */
class ProfileGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/graphs/profile-golden");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = { "enterprise", "enterprise-s5", "owl-small" })
    void theProfileIsWhatItWasDirectlyAndThroughSparql(String name) throws IOException {
        if (Boolean.getBoolean("groundgate.golden.write")) {
            rewrite(name);
        }
        for (boolean viaSparql : List.of(false, true)) {
            GraphProfile profile = build(name, viaSparql);
            assertThat(tree(profile)).as(name + (viaSparql ? " through SPARQL" : " read directly"))
                    .isEqualTo(JSON.readTree(GOLDEN.resolve(name + ".json").toFile()));
            assertThat(profile.names().entries().stream().map(NameIndex.Entry::toString).toList())
                    .as(name + " names").isEqualTo(Files.readAllLines(GOLDEN.resolve(name + ".names")));
        }
    }

    /** {@code -Dgroundgate.golden.write=true} rewrites the golden files after an intended change; review their diff. */
    private static void rewrite(String name) throws IOException {
        GraphProfile profile = build(name, false);
        JSON.writerWithDefaultPrettyPrinter().writeValue(GOLDEN.resolve(name + ".json").toFile(), tree(profile));
        Files.write(GOLDEN.resolve(name + ".names"),
                profile.names().entries().stream().map(NameIndex.Entry::toString).toList());
    }

    private static GraphProfile build(String name, boolean viaSparql) throws IOException {
        return switch (name) {
            case "enterprise" -> TestGraphs.profileOfFolder(TestGraphs.ENTERPRISE, Map.of("acme", TestGraphs.ACME),
                    viaSparql);
            case "owl-small" -> TestGraphs.profileOfFolder(TestGraphs.OWL_SMALL, Map.of("fauna", TestGraphs.FAUNA),
                    viaSparql);
            case "enterprise-s5" -> TestGraphs.profileOf(
                    Files.readString(TestGraphs.ENTERPRISE.resolve("enterprise.ttl")) + "\n", 5, viaSparql);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** As written and read back, so numbers compare as the golden file's do (a long 12 equals an int 12). */
    private static JsonNode tree(GraphProfile profile) throws IOException {
        ObjectNode tree = JSON.valueToTree(profile);
        ((ObjectNode) tree.get("stats")).put("millis", 0);
        tree.put("version", "-");
        return JSON.readTree(JSON.writeValueAsString(tree));
    }
}
