package io.groundgate.tools;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The tools GroundGate offers to models and to the local planner. */
@ConfigMapping(prefix = "groundgate.tools")
public interface ToolsConfig {

    /** Names of tools to leave out of the registry (neither listed, offered to models nor callable), e.g. {@code calculator}. */
    Optional<Set<String>> disabled();

    /** The {@code calculator} tool. */
    Calculator calculator();

    /** Bounds of the calculator; every expression is refused with {@code limit_exceeded} beyond them. */
    interface Calculator {

        /** Longest expression accepted, in characters. */
        @WithDefault("1000")
        int maxLength();

        /** Deepest nesting of parentheses, function calls, signs and powers. */
        @WithDefault("100")
        int maxDepth();

        /** Largest |n| in an integer power {@code x^n}; {@code 10^10^10} is refused. */
        @WithDefault("10000")
        int maxExponent();

        /** Largest n in {@code n!}. */
        @WithDefault("1000")
        int maxFactorial();

        /** Most significant digits an exact result keeps (literals may not have more); longer results are rounded. */
        @WithDefault("3000")
        int maxDigits();

        /** Largest decimal exponent of any value, either way: 1e10000 is accepted, 1e10001 and 1e-10001 are not. */
        @WithDefault("10000")
        int maxMagnitude();

        /** Significant digits of rounded results (non-terminating division, roots, logarithms, trigonometry), 16-1000. */
        @WithDefault("34")
        int precision();

        /** Longest one evaluation may take, checked as it goes; a tool call's own budget can only shorten it. */
        @WithDefault("100ms")
        Duration timeBudget();
    }
}
