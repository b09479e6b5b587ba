package io.groundgate.tools.calculator;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

import io.groundgate.tools.ToolsConfig;
import io.quarkus.arc.DefaultBean;

/** Makes the {@link Calculator} a bean, bounded by {@code groundgate.tools.calculator.*}. */
public class CalculatorProducer {

    @Produces
    @Singleton
    @DefaultBean
    Calculator calculator(ToolsConfig config) {
        return new Calculator(limits(config.calculator()));
    }

    static CalculatorLimits limits(ToolsConfig.Calculator c) {
        return new CalculatorLimits(c.maxLength(), c.maxDepth(), c.maxExponent(), c.maxFactorial(), c.maxDigits(),
                c.maxMagnitude(), c.precision(), c.timeBudget());
    }
}
