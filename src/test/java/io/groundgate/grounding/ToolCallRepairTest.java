package io.groundgate.grounding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.langchain4j.agent.tool.ToolExecutionRequest;

class ToolCallRepairTest {

    private static ToolExecutionRequest call(String id, String name) {
        return ToolExecutionRequest.builder().id(id).name(name).arguments("{}").build();
    }

    @Test
    void repeatedIdsAndNamesAreCollapsed() {
        List<ToolExecutionRequest> repaired = ToolCallRepair.repair(List.of(call("call_1call_1call_1", "lookuplookuplookup")),
                Set.of("lookup"));
        assertThat(repaired.get(0).id()).isEqualTo("call_1");
        assertThat(repaired.get(0).name()).isEqualTo("lookup");
    }

    @Test
    void knownNamesAndOrdinaryIdsAreLeftAlone() {
        ToolExecutionRequest fine = call("call_abc", "lookuplookup");
        assertThat(ToolCallRepair.repair(List.of(fine), Set.of("lookup", "lookuplookup")).get(0)).isSameAs(fine);
        ToolExecutionRequest unknown = call("call_x", "search");
        assertThat(ToolCallRepair.repair(List.of(unknown), Set.of("lookup")).get(0)).isSameAs(unknown);
    }

    @Test
    void periodFindsTheShortestRepeatingUnit() {
        assertThat(ToolCallRepair.period("abab")).isEqualTo("ab");
        assertThat(ToolCallRepair.period("aaaa")).isEqualTo("a");
        assertThat(ToolCallRepair.period("call_aaaa")).isNull();
        assertThat(ToolCallRepair.period("x")).isNull();
    }
}
