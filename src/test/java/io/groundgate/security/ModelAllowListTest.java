package io.groundgate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ModelAllowListTest {

    @Test
    void starAllowsEveryModel() {
        assertThat(ModelAllowList.of(List.of("gpt-4o", "*")).allows("anything/at-all")).isTrue();
    }

    @Test
    void exactIdsAllowOnlyThemselves() {
        ModelAllowList list = ModelAllowList.of(List.of("gpt-4o"));

        assertThat(list.allows("gpt-4o")).isTrue();
        assertThat(list.allows("gpt-4o-mini")).isFalse();
        assertThat(list.allows("grounded/gpt-4o")).isFalse();
    }

    @Test
    void prefixPatternsAllowTheirFamily() {
        ModelAllowList list = ModelAllowList.of(List.of("grounded/*", " groundgate-local "));

        assertThat(list.allows("grounded/gpt-4o")).isTrue();
        assertThat(list.allows("groundgate-local")).isTrue();
        assertThat(list.allows("gpt-4o")).isFalse();
        assertThat(list.allows(null)).isFalse();
    }

    @Test
    void anEmptyListAllowsNothing() {
        assertThat(ModelAllowList.of(List.of("", " ")).allows("gpt-4o")).isFalse();
    }

    @Test
    void aStarInsideAPatternIsRefused() {
        assertThatThrownBy(() -> ModelAllowList.of(List.of("gpt-*-mini"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gpt-*-mini");
    }
}
