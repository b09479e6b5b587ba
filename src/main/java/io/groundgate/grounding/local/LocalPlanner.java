package io.groundgate.grounding.local;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.groundgate.grounding.ProvenanceRecorder;
import io.groundgate.grounding.local.linking.LinkedQuestion;
import io.groundgate.grounding.local.linking.Linker;
import io.groundgate.grounding.local.linking.PropertyMatcher;
import io.groundgate.grounding.local.linking.Vocabulary;
import io.groundgate.grounding.local.linking.VocabularyCache;
import io.groundgate.grounding.local.plan.Answer;
import io.groundgate.grounding.local.plan.Arithmetic;
import io.groundgate.grounding.local.plan.GraphFacts;
import io.groundgate.grounding.local.plan.Part;
import io.groundgate.grounding.local.plan.Phrasing;
import io.groundgate.grounding.local.plan.Planning;
import io.groundgate.grounding.local.plan.QuestionSplitter;
import io.groundgate.grounding.local.reading.ReadingPlanner;
import io.groundgate.kg.GraphSnapshot;
import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.kg.SparqlException;
import io.groundgate.tools.calculator.Calculator;

/**
 * The deterministic question answerer behind {@code groundgate-local}: splits a message into sub-questions, links each
 * to the graph, answers it with SPARQL and the calculator, and records every step. No language model is involved.
 */
@ApplicationScoped
public class LocalPlanner {

    private final KnowledgeGraph graph;
    private final VocabularyCache vocabularies;
    private final Linker linker;
    private final PropertyMatcher matcher;
    private final Calculator calculator;
    private final PlannerConfig config;
    private final ReadingPlanner readings;

    public LocalPlanner(KnowledgeGraph graph, VocabularyCache vocabularies, Linker linker, PropertyMatcher matcher,
            Calculator calculator, PlannerConfig config) {
        this.graph = graph;
        this.vocabularies = vocabularies;
        this.linker = linker;
        this.matcher = matcher;
        this.calculator = calculator;
        this.config = config;
        this.readings = new ReadingPlanner(calculator, vocabularies::embeddings);
    }

    /** Answers a message from the current graph version. */
    public Answer answer(String message, ProvenanceRecorder recorder) {
        return answer(message, graph.snapshot(), recorder);
    }

    /** Answers a message from one graph version, recording every step. */
    public Answer answer(String message, GraphSnapshot snapshot, ProvenanceRecorder recorder) {
        Vocabulary vocabulary = vocabularies.of(snapshot);
        GraphFacts facts = new GraphFacts(snapshot, recorder);
        Arithmetic arithmetic = new Arithmetic(calculator, recorder, snapshot.version());
        List<Part> parts = new ArrayList<>();
        List<String> questions = message == null ? List.of() : QuestionSplitter.split(message);
        if (questions.isEmpty()) {
            parts.add(Part.unclear("I did not find a question to answer.", "no question in the message"));
        }
        for (int i = 0; i < questions.size(); i++) {
            String question = questions.get(i);
            if (i >= config.maxSubQuestions()) {
                parts.add(Part.unclear("I did not answer \"" + question + "\": at most " + config.maxSubQuestions()
                        + " questions are answered per message.", "\"" + question + "\" (too many questions)"));
                continue;
            }
            try {
                if (readings.answer(question, snapshot, recorder, facts, arithmetic) instanceof ReadingPlanner.Answered a) {
                    parts.add(a.part());
                    continue;
                }
            } catch (SparqlException e) {
                // the older cascade below gets its chance and reports the failure if it hits it too
            }
            // shapes the reading planner does not explain completely yet go through the older cascade
            LinkedQuestion linked = linker.link(Phrasing.participles(Phrasing.normalise(question), vocabulary), snapshot,
                    vocabulary);
            facts.recordLinking(linked);
            try {
                parts.add(Planning.answer(linked, facts, arithmetic, vocabulary, matcher, config));
            } catch (SparqlException e) {
                parts.add(Part.unclear("I could not query the knowledge graph for \"" + question + "\" ("
                        + e.getMessage() + ").", "\"" + question + "\" (query failed)"));
            }
        }
        parts.forEach(p -> p.unresolved().forEach(recorder::unresolved));
        return new Answer(parts, snapshot.version());
    }
}
