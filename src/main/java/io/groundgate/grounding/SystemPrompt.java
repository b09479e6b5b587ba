package io.groundgate.grounding;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

/** The system message the grounded route puts before the client's conversation. */
@ApplicationScoped
public class SystemPrompt {

    private final GroundingConfig config;

    public SystemPrompt(GroundingConfig config) {
        this.config = config;
    }

    public String text() {
        return instructions();
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
