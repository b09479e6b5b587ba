package io.groundgate.grounding.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;

import io.groundgate.grounding.local.linking.Vocabulary;
import io.groundgate.grounding.local.linking.VocabularyCache;
import io.groundgate.kg.GraphSnapshot;
import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.kg.TestConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The embedding model loads alongside the knowledge graph, yet readiness goes UP only when both can answer: with the
 * real model loaded and the graph not yet loaded it stays DOWN, and once the graph's first version is served the
 * property texts of that version are embedded and it goes UP.
 */
class EmbeddingWarmUpTest {

    @TempDir
    Path dir;
    KnowledgeGraph kg;

    @AfterEach
    void stop() {
        if (kg != null) {
            kg.stop();
        }
    }

    @Test
    void readyOnlyWhenTheModelAndTheGraphCanAnswer() throws Exception {
        TestConfig.copyFixture("basic", dir);
        kg = new KnowledgeGraph(TestConfig.memory(dir), new SimpleMeterRegistry());
        CountDownLatch modelAnswered = new CountDownLatch(1);
        AtomicReference<String> embeddedVersion = new AtomicReference<>();
        EmbeddingModel real = new AllMiniLmL6V2QuantizedEmbeddingModel();
        EmbeddingModel observed = new EmbeddingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                Response<List<Embedding>> answer = real.embedAll(segments);
                modelAnswered.countDown();
                return answer;
            }
        };
        VocabularyCache vocabularies = new VocabularyCache(new Config(), null) {
            @Override
            public EmbeddingModel embeddings() {
                return observed;
            }

            @Override
            public Vocabulary of(GraphSnapshot snapshot) {
                Vocabulary v = super.of(snapshot);
                embeddedVersion.set(snapshot.version());
                return v;
            }
        };
        EmbeddingWarmUp warmUp = new EmbeddingWarmUp(new Config(), vocabularies, kg);

        warmUp.onStart(null); // the model starts loading before the graph does, as at start-up
        assertThat(modelAnswered.await(60, TimeUnit.SECONDS)).as("the model loaded without the graph").isTrue();
        for (int i = 0; i < 10; i++) { // the model answers, the graph has not loaded: not ready
            assertThat(warmUp.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            Thread.sleep(20);
        }
        assertThat(embeddedVersion.get()).isNull();

        kg.start();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> warmUp.call().getStatus() == HealthCheckResponse.Status.UP);
        assertThat(kg.ready()).isTrue();
        assertThat(embeddedVersion.get()).isEqualTo(kg.snapshot().version());
    }

    private record Config() implements PlannerConfig {
        @Override
        public double fuzzyThreshold() {
            return 0.8;
        }

        @Override
        public int fuzzyMinLength() {
            return 4;
        }

        @Override
        public double similarityThreshold() {
            return 0.6;
        }

        @Override
        public boolean warmUp() {
            return true;
        }

        @Override
        public double similarityMargin() {
            return 0.05;
        }

        @Override
        public boolean embeddings() {
            return true;
        }

        @Override
        public Optional<String> djlCacheDir() {
            return Optional.empty();
        }

        @Override
        public int maxListed() {
            return 10;
        }

        @Override
        public int maxSubQuestions() {
            return 4;
        }
    }
}
