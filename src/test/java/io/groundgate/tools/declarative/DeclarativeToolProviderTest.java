package io.groundgate.tools.declarative;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.groundgate.tools.Tool;
import io.groundgate.tools.ToolResult;
import io.groundgate.tools.kg.DemoGraph;

class DeclarativeToolProviderTest {

    @TempDir
    Path dir;
    DeclarativeToolProvider provider;

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.stop();
        }
    }

    /** A tool that returns the symbol of an element; the description tells versions apart. */
    static String symbolTool(String name, String description) {
        return """
                name: %s
                description: %s
                parameters:
                  type: object
                  properties:
                    element:
                      type: string
                      description: The element's name.
                  required: [element]
                slots:
                  element:
                    kind: iri
                    class: gg:ChemicalElement
                sparql: |
                  PREFIX gg: <https://w3id.org/groundgate/ontology#>
                  SELECT ?symbol WHERE { ?element gg:symbol ?symbol }
                result:
                  shape: single
                  value: symbol
                """.formatted(name, description);
    }

    private void write(String file, String text) throws IOException {
        Path tmp = dir.resolve("." + file + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private Tool tool(String name) {
        return provider.tools().stream().filter(t -> t.spec().name().equals(name)).findFirst().orElse(null);
    }

    private String symbolOf(String tool, String element) throws Exception {
        ToolResult r = ShippedToolsTest.call(provider, tool, "{\"element\":\"" + element + "\"}");
        assertThat(r.error()).isNull();
        return r.result().path("value").asText();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met in time").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void eachValidFileBecomesATool() throws Exception {
        write("a.yaml", symbolTool("symbol_a", "Symbol of an element."));
        write("notes.txt", "not a tool");
        provider = Declarative.loaded(dir);
        assertThat(provider.status().tools()).containsExactly("symbol_a");
        String expected = DemoGraph.value("SELECT ?v WHERE { ?e rdfs:label \"Iron\"@en ; gg:symbol ?v }")
                .getLiteralLexicalForm();
        assertThat(symbolOf("symbol_a", "iron")).isEqualTo(expected);
        assertThat(provider.loadedOnce()).isTrue();
    }

    @Test
    void readinessWaitsForTheFirstLoadEvenWhenFilesAreRefused() throws Exception {
        write("a.yaml", "name: [broken");
        provider = Declarative.provider(dir, false);
        DeclarativeToolsReadiness readiness = new DeclarativeToolsReadiness(provider);
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        provider.start();
        assertThat(readiness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(readiness.call().getData().orElseThrow()).containsEntry("problems", 1L);
    }

    @Test
    void aDuplicateNameIsRefusedNamingTheFileThatHasIt() throws Exception {
        write("a.yaml", symbolTool("symbol", "First."));
        write("b.yaml", symbolTool("symbol", "Second."));
        provider = Declarative.loaded(dir);
        assertThat(provider.tools()).hasSize(1);
        assertThat(tool("symbol").spec().description()).isEqualTo("First.");
        assertThat(provider.status().files()).anySatisfy(f -> {
            assertThat(f.file()).endsWith("b.yaml");
            assertThat(f.status()).isEqualTo("refused");
            assertThat(f.problem().message()).contains("already taken by").contains("a.yaml");
        });
    }

    @Test
    void aBuiltInToolNameIsRefused() throws Exception {
        write("a.yaml", symbolTool("kg_search", "Shadowing."));
        provider = Declarative.loaded(dir);
        assertThat(provider.tools()).isEmpty();
        assertThat(provider.status().errors()).singleElement().asString().contains("built-in");
    }

    @Test
    void aBrokenEditKeepsTheLastGoodVersionServingAndSaysWhere() throws Exception {
        write("a.yaml", symbolTool("symbol_a", "Good."));
        write("b.yaml", symbolTool("symbol_b", "Other."));
        provider = Declarative.loaded(dir);
        write("a.yaml", symbolTool("symbol_a", "Broken.").replace("SELECT ?symbol WHERE", "SELECT ?symbol WHER"));
        provider.reload("test");
        assertThat(tool("symbol_a").spec().description()).isEqualTo("Good.");
        assertThat(tool("symbol_b")).isNotNull();
        ReloadStatus.FileStatus a = provider.status().files().get(0);
        assertThat(a.status()).isEqualTo("kept");
        assertThat(a.problem().line()).isEqualTo(16);
        assertThat(a.problem().message()).contains("SPARQL syntax error");
        assertThat(symbolOf("symbol_a", "gold")).isNotBlank();
    }

    @Test
    void aDeletedFileTakesItsToolAway() throws Exception {
        write("a.yaml", symbolTool("symbol_a", "Good."));
        provider = Declarative.loaded(dir);
        Files.delete(dir.resolve("a.yaml"));
        provider.reload("test");
        assertThat(provider.tools()).isEmpty();
        assertThat(provider.status().files()).isEmpty();
    }

    @Test
    void aNewFileBecomesAWorkingToolWithoutRestartAndABrokenEditDoesNotRemoveIt() throws Exception {
        provider = Declarative.provider(dir, true);
        provider.start();
        assertThat(provider.tools()).isEmpty();
        write("hot.yml", symbolTool("symbol_hot", "Hot v1."));
        await(() -> tool("symbol_hot") != null);
        String expected = DemoGraph.value("SELECT ?v WHERE { ?e rdfs:label \"Gold\"@en ; gg:symbol ?v }")
                .getLiteralLexicalForm();
        assertThat(symbolOf("symbol_hot", "gold")).isEqualTo(expected);

        write("hot.yml", "name: symbol_hot\ndescription: [broken\n");
        await(() -> !provider.status().errors().isEmpty());
        assertThat(tool("symbol_hot").spec().description()).isEqualTo("Hot v1.");
        assertThat(provider.status().errors().get(0)).contains("hot.yml").contains("line");

        write("hot.yml", symbolTool("symbol_hot", "Hot v2."));
        await(() -> "Hot v2.".equals(tool("symbol_hot").spec().description()));
        assertThat(provider.status().errors()).isEmpty();
    }

    @Test
    void aConfigMapStyleSwapOfTheDataLinkIsNoticed() throws Exception {
        Path v1 = Files.createDirectories(dir.resolve("..2026_01"));
        Files.writeString(v1.resolve("cm.yaml"), symbolTool("symbol_cm", "ConfigMap v1."));
        Files.createSymbolicLink(dir.resolve("..data"), Path.of("..2026_01"));
        Files.createSymbolicLink(dir.resolve("cm.yaml"), Path.of("..data/cm.yaml"));
        provider = Declarative.provider(dir, true);
        provider.start();
        assertThat(tool("symbol_cm").spec().description()).isEqualTo("ConfigMap v1.");
        assertThat(provider.status().files()).hasSize(1);

        // what the kubelet does: write a new timestamped folder, then atomically replace the ..data link
        Path v2 = Files.createDirectories(dir.resolve("..2026_02"));
        Files.writeString(v2.resolve("cm.yaml"), symbolTool("symbol_cm", "ConfigMap v2."));
        Path tmp = dir.resolve("..data_tmp");
        Files.createSymbolicLink(tmp, Path.of("..2026_02"));
        Files.move(tmp, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        await(() -> "ConfigMap v2.".equals(tool("symbol_cm").spec().description()));
    }
}
