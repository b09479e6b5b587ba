package io.groundgate.grounding.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/** The gateway with one declarative tool, written for this test into a temporary folder. */
public class CrowdingToolProfile implements QuarkusTestProfile {

    static final String TOOL = """
            # people per km² of a country: population / total area, by the calculator
            name: crowding
            description: >-
              How crowded a country is: how many people live on each square kilometre of it, its population
              divided by its total area.
            parameters:
              type: object
              properties:
                place:
                  type: string
                  maxLength: 100
                  description: The country, e.g. "Japan".
              required: [place]
              additionalProperties: false
            slots:
              place:
                kind: iri
                class: gg:Country
            sparql: |
              PREFIX gg: <https://w3id.org/groundgate/ontology#>
              PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
              SELECT ?name ?population ?area WHERE {
                ?place gg:population ?population ; gg:area ?area ; rdfs:label ?name .
                FILTER(lang(?name) = "en")
              }
              LIMIT 1
            calculate:
              - name: perKm
                expression: "round({population} / {area}, 1)"
            result:
              shape: single
              template: "{name}: {perKm} people per square kilometre ({population} people on {area} km^2)."
            """;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Folder.class));
    }

    public static class Folder implements QuarkusTestResourceLifecycleManager {
        private Path folder;

        @Override
        public Map<String, String> start() {
            try {
                folder = Files.createTempDirectory("gg-local-tools");
                Files.writeString(folder.resolve("crowding.yaml"), TOOL);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("groundgate.tools.declarative.paths", folder.toString());
        }

        @Override
        public void stop() {
            try {
                Files.deleteIfExists(folder.resolve("crowding.yaml"));
                Files.deleteIfExists(folder);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }
}
