package io.groundgate.grounding.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The planner generalises from the graph: no string literal in its code names a word of the demo knowledge base's
 * domain (entity, class or property labels). Comments may use them as examples.
 */
class NoDomainWordsTest {

    static final Path MAIN = Path.of("src/main/java/io/groundgate/grounding/local");
    static final Path LEXICON = Path.of("src/main/resources/io/groundgate/grounding/local/reading/lexicon.txt");
    static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    static final List<String> DOMAIN = List.of("gold", "lead", "iron", "element", "country", "countries", "capital",
            "population", "density", "continent", "border", "area", "melting", "boiling", "atomic", "currency",
            "language", "material", "alloy", "noble", "japan", "germany", "france", "africa", "groundgate/ontology",
            "w3id.org", "gg:");

    @Test
    void plannerCodeHasNoDomainWordsInLiterals() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                        continue;
                    }
                    Matcher m = LITERAL.matcher(line.replaceAll("//.*$", ""));
                    while (m.find()) {
                        String literal = m.group(1).toLowerCase(Locale.ROOT);
                        for (String word : DOMAIN) {
                            if (Pattern.compile("\\b" + Pattern.quote(word)).matcher(literal).find()) {
                                found.add(f.getFileName() + ":" + (i + 1) + " \"" + m.group(1) + "\"");
                            }
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    /** The operator grammar is function words only: no word of its lexicon (comments included) names the domain. */
    @Test
    void theLexiconHasNoDomainWords() throws IOException {
        List<String> found = new ArrayList<>();
        List<String> lines = Files.readAllLines(LEXICON);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).toLowerCase(Locale.ROOT);
            for (String word : DOMAIN) {
                if (Pattern.compile("\\b" + Pattern.quote(word)).matcher(line).find()) {
                    found.add("lexicon.txt:" + (i + 1) + " " + word);
                }
            }
        }
        assertThat(lines).anyMatch(l -> l.startsWith("count:"));
        assertThat(found).isEmpty();
    }

    /** Every file of the reading planner's package is covered (the lexicon is the only word list it has). */
    @Test
    void theReadingPackageIsScanned() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN.resolve("reading"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".java")).count()).isGreaterThan(5);
        }
    }

    /**
     * One grammar: the question operators and the conversation's words (pronouns, openers of follow-ups, stop words)
     * all come from lexicon.txt, which the scan above covers; no operator is left without its words there.
     */
    @Test
    void everyOperatorHasItsWordsInTheOneLexicon() throws IOException {
        List<String> lines = Files.readAllLines(LEXICON);
        for (io.groundgate.grounding.local.reading.Lexicon.Op op : io.groundgate.grounding.local.reading.Lexicon.Op
                .values()) {
            String key = op.name().toLowerCase(Locale.ROOT) + ":";
            assertThat(lines).as(key).anyMatch(l -> l.startsWith(key));
            assertThat(io.groundgate.grounding.local.reading.Lexicon.english().phrases(op)).as(key).isNotEmpty();
        }
        assertThat(Files.exists(MAIN.resolve("conversation/FunctionWords.java"))).isFalse();
    }
}
