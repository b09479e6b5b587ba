package io.groundgate.grounding.local.reading;

import java.util.List;
import java.util.Set;

/**
 * A candidate reading with its score and the words it explains.
 *
 * @param reading the reading
 * @param score link confidence + similarity of the terms to the words they explain − path length − unexplained words
 * @param explained positions of the words it explains (function words, names, numbers and content words)
 * @param unexplained the content words it leaves unexplained, as written
 * @param anchors the anchors it rests on (an ambiguous one makes the planner ask which is meant)
 */
public record Option(Reading reading, double score, Set<Integer> explained, List<String> unexplained,
        List<Linked.Anchor> anchors) {

    public Option {
        explained = Set.copyOf(explained);
        unexplained = List.copyOf(unexplained);
        anchors = List.copyOf(anchors);
    }

    public boolean complete() {
        return unexplained.isEmpty();
    }
}
