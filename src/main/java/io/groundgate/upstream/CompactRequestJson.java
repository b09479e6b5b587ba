package io.groundgate.upstream;

import java.lang.reflect.Field;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Makes LangChain4j's OpenAI client write compact request bodies. Its writer ({@code Json} in
 * {@code dev.langchain4j.model.openai.internal}, 1.19) is a package-private {@link ObjectMapper} constant with
 * {@code INDENT_OUTPUT} on, and neither the model builders nor the HTTP client SPI reach it; the only official way
 * around is {@code OpenAiClientBuilderFactory}, which replaces the whole client (streaming, SSE parsing, errors) — far
 * more code than the setting. Pretty printing each round's body took 22 % of the grounded route's CPU (JFR, issue 16)
 * and makes every body larger on the wire, so indentation is switched off on that mapper, once, before the first
 * client is built. Only writing changes; LangChain4j reads with the same mapper as before. Should a later LangChain4j
 * move the constant, the bodies stay pretty and a line in the log says so.
 */
final class CompactRequestJson {

    private static final Logger LOG = Logger.getLogger(CompactRequestJson.class);
    private static final String HOLDER = "dev.langchain4j.model.openai.internal.Json";

    private static final boolean COMPACT = apply();

    private CompactRequestJson() {
    }

    /** Switches indentation off, the first time only; whether the client's bodies are compact. */
    static boolean ensure() {
        return COMPACT;
    }

    private static boolean apply() {
        try {
            Field field = Class.forName(HOLDER).getDeclaredField("OBJECT_MAPPER");
            field.setAccessible(true);
            ((ObjectMapper) field.get(null)).disable(SerializationFeature.INDENT_OUTPUT);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.infof("LangChain4j's OpenAI request writer was not found (%s); its request bodies stay pretty-printed.", e);
            return false;
        }
    }
}
