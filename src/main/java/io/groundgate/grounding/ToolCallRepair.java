package io.groundgate.grounding;

import java.util.List;
import java.util.Set;

import dev.langchain4j.agent.tool.ToolExecutionRequest;

/**
 * Undoes what naive stream assembly does to upstreams that repeat a tool call's {@code id} and {@code name} in every
 * delta (several OpenAI-compatible servers do): LangChain4j concatenates them into {@code call_1call_1} and
 * {@code lookuplookup}. A name that is not a known tool but is a known tool's name repeated is that tool; an id that is
 * one string repeated is that string.
 */
final class ToolCallRepair {

    private ToolCallRepair() {
    }

    static List<ToolExecutionRequest> repair(List<ToolExecutionRequest> calls, Set<String> knownNames) {
        return calls.stream().map(call -> repair(call, knownNames)).toList();
    }

    private static ToolExecutionRequest repair(ToolExecutionRequest call, Set<String> knownNames) {
        String name = call.name();
        if (name != null && !knownNames.contains(name)) {
            String unit = period(name);
            if (unit != null && knownNames.contains(unit)) {
                name = unit;
            }
        }
        String id = call.id();
        String idUnit = id == null ? null : period(id);
        if (idUnit != null) {
            id = idUnit;
        }
        if (name == call.name() && id == call.id()) {
            return call;
        }
        return ToolExecutionRequest.builder().id(id).name(name).arguments(call.arguments()).build();
    }

    /** The shortest string whose repetition (at least twice) is {@code text}, or null when there is none. */
    static String period(String text) {
        int n = text.length();
        for (int length = 1; length <= n / 2; length++) {
            if (n % length == 0 && text.substring(0, length).repeat(n / length).equals(text)) {
                return text.substring(0, length);
            }
        }
        return null;
    }
}
