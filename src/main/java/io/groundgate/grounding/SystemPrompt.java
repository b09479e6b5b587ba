package io.groundgate.grounding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.groundgate.kg.GraphSnapshot;
import io.groundgate.kg.KnowledgeGraph;
import io.groundgate.upstream.JsonFragments;

/** The system message the grounded route puts before the client's conversation. */
@ApplicationScoped
public class SystemPrompt {

    private final GroundingConfig config;
    private final KnowledgeGraph graph;
    private final JsonFragments fragments;
    /** The prompt of the last graph version seen: built, escaped and encoded once per version, not per round. */
    private final AtomicReference<Cached> cached = new AtomicReference<>();

    /** @param placeholder stands for the text's JSON in the bodies LangChain4j writes (see {@link JsonFragments}) */
    private record Cached(String version, String text, String placeholder) {
    }

    public SystemPrompt(GroundingConfig config, KnowledgeGraph graph, JsonFragments fragments) {
        this.config = config;
        this.graph = graph;
        this.fragments = fragments;
    }

    /**
     * The instructions, followed by the served graph's profile text (the same text {@code kg_schema} shows), built
     * once per graph version.
     */
    public String text() {
        return current().text();
    }

    /**
     * The same text as a {@link JsonFragments} placeholder, for the system message LangChain4j sends: its JSON was
     * written once for this graph version and is spliced into each request body. The message must only travel to an
     * upstream through LangChain4j; anything that reads its text sees the placeholder.
     */
    public String placeholder() {
        return current().placeholder();
    }

    private Cached current() {
        GraphSnapshot snapshot = graph.snapshot();
        Cached c = cached.get();
        if (c != null && c.version().equals(snapshot.version())) {
            return c;
        }
        String text = build(snapshot);
        Cached built = new Cached(snapshot.version(), text, fragments.textPlaceholder(text));
        cached.set(built);
        return built;
    }

    private String build(GraphSnapshot snapshot) {
        String schema = !config.includeSchema() ? ""
                : snapshot.profile().classes().isEmpty() ? snapshot.schema().text() : snapshot.profile().text();
        return schema == null || schema.isBlank() ? instructions()
                : instructions() + "\n\nThe knowledge graph (query it with the tools; these are its classes and the properties their instances use):\n"
                        + schema;
    }

    /** For models without function calling: the facts found for the question stand in for the tools. */
    public String contextText(String facts, boolean hasFacts) {
        return config.contextPrompt() + "\n\n" + facts
                + (hasFacts ? "" : "\nNo facts in the knowledge graph match the question: say so rather than guess.");
    }

    private String instructions() {
        return config.systemPromptFile().map(file -> {
            try {
                return Files.readString(Path.of(file));
            } catch (IOException e) {
                throw new UncheckedIOException("groundgate.grounding.system-prompt-file: cannot read " + file, e);
            }
        }).orElse(config.systemPrompt());
    }
}
