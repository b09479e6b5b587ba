package io.groundgate.upstream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * LangChain4j clients for the grounded route, one pair per upstream and model, built on first use. The gateway runs its
 * own retries and tool loop, so the clients neither retry nor execute tools; their HTTP goes through
 * {@link UpstreamHttpClient}, so the grounded route has the passthrough's timeouts, error mapping and checks.
 */
@ApplicationScoped
public class LangChainModels {

    private final UpstreamRegistry upstreams;
    private final UpstreamClient client;
    private final Map<String, ChatModel> chatModels = new ConcurrentHashMap<>();
    private final Map<String, StreamingChatModel> streamingModels = new ConcurrentHashMap<>();

    public LangChainModels(UpstreamRegistry upstreams, UpstreamClient client) {
        this.upstreams = upstreams;
        this.client = client;
    }

    public ChatModel chat(String upstreamName, String model) {
        return chatModels.computeIfAbsent(upstreamName + '\n' + model, key -> {
            Upstream upstream = upstreams.get(upstreamName);
            return OpenAiChatModel.builder()
                    .baseUrl(upstream.baseUrl())
                    .apiKey(upstream.apiKey().orElse("none"))
                    .modelName(model)
                    .httpClientBuilder(new UpstreamHttpClient.Builder(client, upstream))
                    .maxRetries(0)
                    .build();
        });
    }

    public StreamingChatModel streaming(String upstreamName, String model) {
        return streamingModels.computeIfAbsent(upstreamName + '\n' + model, key -> {
            Upstream upstream = upstreams.get(upstreamName);
            return OpenAiStreamingChatModel.builder()
                    .baseUrl(upstream.baseUrl())
                    .apiKey(upstream.apiKey().orElse("none"))
                    .modelName(model)
                    .httpClientBuilder(new UpstreamHttpClient.Builder(client, upstream))
                    .build();
        });
    }
}
