package io.groundgate.routing;

import java.util.List;

/**
 * Where one served model id goes.
 *
 * @param id the model id clients send
 * @param kind passthrough, grounded or local
 * @param upstreams the upstreams to try in order (the first is primary, the rest its fallback chain); empty for local
 * @param upstreamModel the model id sent to the upstream
 * @param contextMode on a grounded route, whether the model cannot call functions and gets the facts as context instead
 */
public record ModelRoute(String id, RouteKind kind, List<String> upstreams, String upstreamModel, boolean contextMode) {

    public ModelRoute {
        upstreams = List.copyOf(upstreams);
    }

    public ModelRoute(String id, RouteKind kind, List<String> upstreams, String upstreamModel) {
        this(id, kind, upstreams, upstreamModel, false);
    }

    public String primaryUpstream() {
        return upstreams.isEmpty() ? null : upstreams.get(0);
    }
}
