package io.groundgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ApiKeyFileTest {

    static final String HASH_A = "a".repeat(64);
    static final String HASH_B = "B".repeat(64);

    @Test
    void readsKeysSkippingCommentsAndBlankLines() {
        List<ApiKey> keys = ApiKeyFile.parse("""
                # name   sha256   models   rpm  burst
                alice  %s  *  600  60   # the team key

                bot\t%s\tgrounded/*,groundgate-local
                """.formatted(HASH_A, HASH_B));

        assertThat(keys).hasSize(2);
        assertThat(keys.get(0).name()).isEqualTo("alice");
        assertThat(keys.get(0).models().allowsAll()).isTrue();
        assertThat(keys.get(0).rateLimit()).contains(new RateLimit(600, 60));
        assertThat(keys.get(1).sha256Hex()).isEqualTo("b".repeat(64));
        assertThat(keys.get(1).models().allows("grounded/gpt-4o")).isTrue();
        assertThat(keys.get(1).models().allows("gpt-4o")).isFalse();
        assertThat(keys.get(1).rateLimit()).isEmpty();
    }

    @Test
    void burstDefaultsToTheRateAndADashMeansUnlimited() {
        List<ApiKey> keys = ApiKeyFile.parse("a " + HASH_A + " * 30\nb " + HASH_B + " * -\n");

        assertThat(keys.get(0).rateLimit()).contains(new RateLimit(30, 30));
        assertThat(keys.get(1).rateLimit()).isEqualTo(Optional.empty());
    }

    @Test
    void aSixthColumnIsTheDailyTokenQuota() {
        List<ApiKey> keys = ApiKeyFile.parse("a " + HASH_A + " * 60 10 5000000000\nb " + HASH_B + " * - - 200\n");

        assertThat(keys.get(0).rateLimit()).contains(new RateLimit(60, 10));
        assertThat(keys.get(0).tokensPerDay()).hasValue(5_000_000_000L);
        assertThat(keys.get(1).rateLimit()).isEmpty();
        assertThat(keys.get(1).tokensPerDay()).hasValue(200);
        assertThatThrownBy(() -> ApiKeyFile.parse("a " + HASH_A + " * - - 0\n")).hasMessageContaining("tokens-per-day");
    }

    @Test
    void aBadHashNamesItsLine() {
        assertThatThrownBy(() -> ApiKeyFile.parse("# header\nok " + HASH_A + " *\nbad 1234 *\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("line 3:")
                .hasMessageContaining("64 hex");
    }

    @Test
    void aNameUsedTwiceIsRefused() {
        assertThatThrownBy(() -> ApiKeyFile.parse("a " + HASH_A + " *\na " + HASH_B + " *\n"))
                .hasMessageContaining("line 2").hasMessageContaining("twice");
    }

    @Test
    void missingFieldsAreRefused() {
        assertThatThrownBy(() -> ApiKeyFile.parse("a " + HASH_A + "\n")).hasMessageContaining("line 1")
                .hasMessageContaining("name sha256 models");
    }

    @Test
    void aBurstWithoutARateIsRefused() {
        assertThatThrownBy(() -> ApiKeyFile.parse("a " + HASH_A + " * - 5\n")).hasMessageContaining("burst needs an rpm");
    }

    @Test
    void aZeroRateIsRefused() {
        assertThatThrownBy(() -> ApiKeyFile.parse("a " + HASH_A + " * 0\n")).hasMessageContaining("at least 1");
    }
}
