package io.groundgate.grounding.local.tools;

import io.groundgate.grounding.GroundingStep;

/**
 * A question answered by a declarative tool.
 *
 * @param text the answer
 * @param step the tool call as a grounding step (the registry counted it)
 */
public record ToolAnswer(String text, GroundingStep step) {
}
