package io.groundgate.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;
import io.groundgate.upstream.UpstreamsConfig;

/** Maps model ids to routes; built once from configuration. */
@ApplicationScoped
public class ModelRouter {

    public static final String LOCAL_MODEL = "groundgate-local";
    public static final String GROUNDED_PREFIX = "grounded/";

    private final Map<String, ModelRoute> routes;

    public ModelRouter(UpstreamsConfig upstreams) {
        this.routes = build(upstreams);
    }

    private static Map<String, ModelRoute> build(UpstreamsConfig config) {
        // Model id -> upstreams serving it, as a fallback chain: by priority, then by name for determinism.
        Map<String, List<String>> servedBy = new LinkedHashMap<>();
        config.all().entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, UpstreamsConfig.Upstream>> comparingInt(e -> e.getValue().priority())
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> e.getValue().models()
                        .forEach(model -> servedBy.computeIfAbsent(model, m -> new ArrayList<>()).add(e.getKey())));
        Map<String, ModelRoute> routes = new LinkedHashMap<>();
        routes.put(LOCAL_MODEL, new ModelRoute(LOCAL_MODEL, RouteKind.LOCAL, List.of(), LOCAL_MODEL));
        servedBy.forEach((model, upstreams) -> {
            routes.put(model, new ModelRoute(model, RouteKind.PASSTHROUGH, upstreams, model));
            boolean contextMode = config.all().get(upstreams.get(0)).contextModeModels()
                    .map(models -> models.contains(model)).orElse(false);
            routes.put(GROUNDED_PREFIX + model,
                    new ModelRoute(GROUNDED_PREFIX + model, RouteKind.GROUNDED, upstreams, model, contextMode));
        });
        return Map.copyOf(routes);
    }

    /** The route for a model id, or a 404 {@code model_not_found}. */
    public ModelRoute resolve(String model) {
        ModelRoute route = routes.get(model);
        if (route == null) {
            throw new GatewayException(ErrorKind.NOT_FOUND,
                    "The model '" + model + "' does not exist or is not served by this gateway. GET /v1/models lists "
                            + "the models it serves.",
                    "model", "model_not_found");
        }
        return route;
    }

    /** Every served route, local planner first. */
    public Collection<ModelRoute> all() {
        return routes.values().stream()
                .sorted((a, b) -> a.kind() == RouteKind.LOCAL ? -1 : b.kind() == RouteKind.LOCAL ? 1 : a.id().compareTo(b.id()))
                .toList();
    }
}
