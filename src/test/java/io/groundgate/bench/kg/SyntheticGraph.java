package io.groundgate.bench.kg;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a synthetic, clearly fictional graph of about {@code triples} triples: an ontology of 20 item kinds under 5
 * families under one root class, and items with a label, a weight, a code, a group and a link to another item.
 */
public final class SyntheticGraph {

    public static final String EX = "https://example.org/synthetic#";
    static final int TRIPLES_PER_ITEM = 6;

    private SyntheticGraph() {
    }

    /** How many items a graph of about {@code triples} triples has. */
    public static int items(long triples) {
        return (int) Math.max(1, triples / TRIPLES_PER_ITEM);
    }

    public static void write(Path folder, long triples) throws IOException {
        Files.createDirectories(folder);
        StringBuilder onto = new StringBuilder("""
                @prefix ex: <https://example.org/synthetic#> .
                @prefix owl: <http://www.w3.org/2002/07/owl#> .
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
                @prefix gg: <https://w3id.org/groundgate/ontology#> .
                ex:Thing a owl:Class ; rdfs:label "thing"@en .
                ex:weight a owl:DatatypeProperty ; rdfs:label "weight"@en ; rdfs:range xsd:decimal ; gg:unit "kg" .
                ex:code a owl:DatatypeProperty ; rdfs:label "code"@en .
                ex:linkedTo a owl:ObjectProperty ; rdfs:label "linked to"@en .
                ex:inGroup a owl:ObjectProperty ; rdfs:label "in group"@en .
                """);
        for (int f = 0; f < 5; f++) {
            onto.append("ex:Family").append(f).append(" a owl:Class ; rdfs:subClassOf ex:Thing ; rdfs:label \"family ")
                    .append(f).append("\"@en .\n");
        }
        for (int k = 0; k < 20; k++) {
            onto.append("ex:Kind").append(k).append(" a owl:Class ; rdfs:subClassOf ex:Family").append(k % 5)
                    .append(" ; rdfs:label \"kind ").append(k).append("\"@en .\n");
        }
        Files.writeString(folder.resolve("ontology.ttl"), onto.toString());
        int n = items(triples);
        String type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
        String label = "<http://www.w3.org/2000/01/rdf-schema#label>";
        try (BufferedWriter w = Files.newBufferedWriter(folder.resolve("items.nt"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                String s = "<" + EX + "item" + i + "> ";
                w.write(s + type + " <" + EX + "Kind" + (i % 20) + "> .\n");
                w.write(s + label + " \"Item " + i + "\"@en .\n");
                w.write(s + "<" + EX + "weight> \"" + (i % 1000) / 10.0
                        + "\"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n");
                w.write(s + "<" + EX + "code> \"C" + Integer.toString(i, 36) + "\" .\n");
                w.write(s + "<" + EX + "inGroup> <" + EX + "group" + (i % 100) + "> .\n");
                w.write(s + "<" + EX + "linkedTo> <" + EX + "item" + ((i * 7919L) % n) + "> .\n");
            }
        }
    }
}
