package io.groundgate.grounding.local;

import static io.groundgate.grounding.local.GraphExpectations.GG;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.groundgate.grounding.GroundingStep;
import io.groundgate.grounding.ProvenanceRecorder;
import io.groundgate.grounding.local.compose.Numbers;
import io.groundgate.kg.KnowledgeGraph;
import io.quarkus.test.junit.QuarkusTest;

/** The context block for models without function calling: relevant facts with citations, and what is missing. */
@QuarkusTest
class GroundingContextTest {

    @Inject
    GroundingContext context;

    @Inject
    KnowledgeGraph kg;

    @Test
    void rendersFactsWithCitationsAndRecordsTheSteps() {
        GraphExpectations graph = new GraphExpectations(kg.snapshot());
        ProvenanceRecorder recorder = new ProvenanceRecorder();
        GroundingContext.Context c = context.build("How dense is gold, and what is the GDP of France?", recorder);
        String density = Numbers.format(graph.number(LocalPlannerTest.GOLD, GG + "density"));
        assertThat(c.hasFacts()).isTrue();
        assertThat(c.graphVersion()).isEqualTo(kg.snapshot().version());
        assertThat(c.text()).contains(kg.snapshot().version()).contains(density + " g/cm³")
                .contains(graph.datasetSources(LocalPlannerTest.GOLD).get(0)).contains("Not in the knowledge graph:");
        assertThat(recorder.steps()).extracting(GroundingStep::tool).contains("sparql_query");
    }

    @Test
    void saysSoWhenNothingIsGrounded() {
        GroundingContext.Context c = context.build("Who won the 1998 football world cup?", new ProvenanceRecorder());
        assertThat(c.hasFacts()).isFalse();
        assertThat(c.text()).contains("Not in the knowledge graph:");
    }
}
