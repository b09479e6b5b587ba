package io.groundgate.upstream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiResponsesChatModel;
import dev.langchain4j.model.openai.OpenAiResponsesStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * LangChain4j clients for the grounded route, one pair per upstream and model, built on first use, speaking the API the
 * upstream is configured for ({@code groundgate.upstreams.<n>.api}). The gateway runs its own retries and tool loop, so
 * the clients neither retry nor execute tools; their HTTP goes through {@link UpstreamHttpClient}, so the grounded route
 * has the passthrough's timeouts, error mapping and checks on either API.
 */
@ApplicationScoped
public class LangChainModels {

    private final UpstreamRegistry upstreams;
    private final UpstreamClient client;
    private final UpstreamsConfig config;
    private final JsonFragments fragments;
    private final Map<String, ChatModel> chatModels = new ConcurrentHashMap<>();
    private final Map<String, StreamingChatModel> streamingModels = new ConcurrentHashMap<>();

    public LangChainModels(UpstreamRegistry upstreams, UpstreamClient client, UpstreamsConfig config,
            JsonFragments fragments) {
        CompactRequestJson.ensure(); // before the first client writes a body
        this.fragments = fragments;
        this.upstreams = upstreams;
        this.client = client;
        this.config = config;
    }

    /** The API the grounded route calls this upstream through. */
    public UpstreamsConfig.Api api(String upstreamName) {
        UpstreamsConfig.Upstream configured = config.all().get(upstreamName);
        return configured == null ? UpstreamsConfig.Api.CHAT_COMPLETIONS : configured.api();
    }

    public ChatModel chat(String upstreamName, String model) {
        return chatModels.computeIfAbsent(upstreamName + '\n' + model, key -> {
            Upstream upstream = upstreams.get(upstreamName);
            if (api(upstreamName) == UpstreamsConfig.Api.RESPONSES) {
                return OpenAiResponsesChatModel.builder()
                        .baseUrl(upstream.baseUrl())
                        .apiKey(upstream.apiKey().orElse("none"))
                        .modelName(model)
                        .httpClientBuilder(new UpstreamHttpClient.Builder(client, upstream, fragments))
                        .build();
            }
            return OpenAiChatModel.builder()
                    .baseUrl(upstream.baseUrl())
                    .apiKey(upstream.apiKey().orElse("none"))
                    .modelName(model)
                    .httpClientBuilder(new UpstreamHttpClient.Builder(client, upstream, fragments))
                    .maxRetries(0)
                    .build();
        });
    }

    public StreamingChatModel streaming(String upstreamName, String model) {
        return streamingModels.computeIfAbsent(upstreamName + '\n' + model, key -> {
            Upstream upstream = upstreams.get(upstreamName);
            if (api(upstreamName) == UpstreamsConfig.Api.RESPONSES) {
                return OpenAiResponsesStreamingChatModel.builder()
                        .baseUrl(upstream.baseUrl())
                        .apiKey(upstream.apiKey().orElse("none"))
                        .modelName(model)
                        .httpClientBuilder(new UpstreamHttpClient.Builder(client, upstream, fragments))
                        .build();
            }
            return OpenAiStreamingChatModel.builder()
                    .baseUrl(upstream.baseUrl())
                    .apiKey(upstream.apiKey().orElse("none"))
                    .modelName(model)
                    .httpClientBuilder(new UpstreamHttpClient.Builder(client, upstream, fragments))
                    .build();
        });
    }
}
