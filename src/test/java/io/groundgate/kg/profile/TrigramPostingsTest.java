package io.groundgate.kg.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The packed trigram postings equal the string-keyed ones they replace in {@link NameIndex}. */
class TrigramPostingsTest {

    @Test
    void samePostingsAsTheStringKeyedBuild() {
        List<String> keys = new ArrayList<>(List.of("", "a", "ab", "abc", "aaaa", "st moritz", "karen brant",
                "zürich", "日本語の名前", "x y z", "north america"));
        for (int i = 0; i < 5_000; i++) { // enough distinct trigrams to grow the table several times
            keys.add("item " + Integer.toString(i * 7919, 36) + " " + (char) ('a' + i % 26) + (char) (0x400 + i % 64));
        }
        Map<String, int[]> expected = NameText.trigramPostings(keys);
        Map<String, int[]> actual = TrigramPostings.of(keys.toArray(String[]::new));
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((gram, ids) -> assertThat(actual.get(gram)).as(gram).containsExactly(ids));
    }
}
