package io.groundgate.evals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The eval runner's answer matchers pass their own suite ({@code evals/test/*.test.mjs}, run with node --test). */
class EvalMatchersNodeTest {

    @Test
    void matcherSuitePasses() throws Exception {
        EvalNode.requireNode(false);
        EvalNode.Result result = EvalNode.run(120, "--test", "test/");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("# fail 0").doesNotContain("# pass 0");
    }
}
