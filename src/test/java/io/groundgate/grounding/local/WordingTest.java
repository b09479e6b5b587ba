package io.groundgate.grounding.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.groundgate.grounding.local.compose.Numbers;
import io.groundgate.grounding.local.linking.Words;
import io.groundgate.grounding.local.plan.QuestionSplitter;

/** The grammar helpers: splitting, word forms, number wording and stream pieces. */
class WordingTest {

    @Test
    void splitsSentencesAndAndsThatStartANewQuestion() {
        assertThat(QuestionSplitter.split("What is the capital of Japan and the population of France? How dense is lead."))
                .containsExactly("What is the capital of Japan", "the population of France?", "How dense is lead.");
        assertThat(QuestionSplitter.split("What is the density of gold and lead?"))
                .containsExactly("What is the density of gold and lead?");
        assertThat(QuestionSplitter.split("What is 2.5 kg in lb?")).containsExactly("What is 2.5 kg in lb?");
        assertThat(QuestionSplitter.split("  ?! ")).isEmpty();
    }

    @Test
    void reducesPluralsAndComparatives() {
        assertThat(List.of("countries", "gases", "borders", "glass", "categories")).extracting(Words::singular)
                .containsExactly("country", "gas", "border", "glass", "category");
        assertThat(Words.adjectiveBases("denser")).contains("dense");
        assertThat(Words.adjectiveBases("bigger")).contains("big");
        assertThat(Words.adjectiveBases("heaviest")).first().isEqualTo("heavy");
        assertThat(Words.adjectiveBases("gold")).isEmpty();
        assertThat(Words.lowerDirection("smallest")).isTrue();
        assertThat(Words.lowerDirection("largest")).isFalse();
    }

    @Test
    void tokenizesNumbersPercentagesAndPossessives() {
        assertThat(Words.tokenize("What's 15% of 1,200.5 in Côte d'Ivoire's capital?")).extracting(Words.Token::key)
                .containsExactly("what", "15%", "of", "1200.5", "in", "cote", "divoire", "capital");
    }

    @Test
    void formatsNumbersWithoutNoise() {
        assertThat(Numbers.format(new BigDecimal("19.30"))).isEqualTo("19.3");
        assertThat(Numbers.format(new BigDecimal("377915.0"))).isEqualTo("377,915");
        assertThat(Numbers.format(new BigDecimal("2015"))).isEqualTo("2015");
        assertThat(Numbers.format(new BigDecimal("126919659"))).isEqualTo("126,919,659");
        assertThat(Numbers.format(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(Numbers.rounded(new BigDecimal("335.84181363534128"))).isEqualTo("335.84");
        assertThat(Numbers.rounded(new BigDecimal("0.0518134715025906"))).isEqualTo("0.05181");
    }

    @Test
    void streamsTheAnswerInPiecesThatJoinToTheWhole() {
        String text = "The density of Gold is 19.3 g/cm^3 [source: https://example.org/a, https://example.org/b].";
        List<String> pieces = LocalEngine.pieces(text);
        assertThat(pieces).hasSizeGreaterThan(1);
        assertThat(String.join("", pieces)).isEqualTo(text);
        assertThat(LocalEngine.words(text)).isEqualTo(text.split(" ").length);
        assertThat(LocalEngine.words("  ")).isZero();
    }
}
