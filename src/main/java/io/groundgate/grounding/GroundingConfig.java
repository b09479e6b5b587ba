package io.groundgate.grounding;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the grounded route runs its tool loop. */
@ConfigMapping(prefix = "groundgate.grounding")
public interface GroundingConfig {

    /** Most upstream rounds per request; past it the gateway answers honestly with what it has. */
    @WithDefault("6")
    int maxRounds();

    /** Most gateway tool calls the model may make in one response; extra calls are answered with an error result. */
    @WithDefault("8")
    int maxToolCallsPerRound();

    /** Time allowed to each gateway tool call. */
    @WithDefault("10s")
    Duration toolTimeout();

    /** Gateway tool calls run at once for one response. */
    @WithDefault("4")
    int parallelTools();

    /** How often a streaming client gets a keep-alive comment while tools run. */
    @WithDefault("5s")
    Duration keepAliveInterval();

    /**
     * Most client tool calls held while the client runs them, when the model called gateway tools in the same response
     * (the gateway half is spliced back when the client continues); the oldest are dropped first.
     */
    @WithDefault("10000")
    int pendingToolCallsMax();

    /** How long the gateway half of such a response is held; a continuation after it is refused with a 400. */
    @WithDefault("1h")
    Duration pendingToolCallsTtl();

    /** Instructions for the upstream model; the knowledge graph's schema summary is appended when enabled. */
    @WithDefault("You are connected to GroundGate, which gives you exact tools. Never do arithmetic in your head: use the "
            + "calculator tool for every computation, including unit conversions. Never state a fact about the entities in "
            + "the knowledge graph from memory: look it up with the knowledge-graph tools (kg_search to find an entity, "
            + "kg_describe for its facts, sparql_query for lists, counts, comparisons and superlatives). Cite the values "
            + "you use with their units. If the tools cannot answer part of the question, say so plainly instead of "
            + "guessing.")
    String systemPrompt();

    /** Instructions for models in context mode (no function calling); the facts found for the question follow. */
    @WithDefault("You answer with the help of GroundGate. Below are facts from a knowledge graph and results of exact "
            + "computations, found for the user's question. Use them for every number and fact you state, with units, "
            + "and cite their sources. Do not state facts about these entities from memory. If the facts do not answer "
            + "the question, say plainly what is missing instead of guessing.")
    String contextPrompt();

    /** Whether the system prompt includes the knowledge graph's schema summary (classes, properties, units). */
    @WithDefault("true")
    boolean includeSchema();

    /** Overrides the system prompt entirely, read from a file (e.g. a mounted ConfigMap). */
    Optional<String> systemPromptFile();
}
