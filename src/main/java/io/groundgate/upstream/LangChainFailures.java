package io.groundgate.upstream;

import org.jboss.logging.Logger;

import io.groundgate.chat.ErrorKind;
import io.groundgate.chat.GatewayException;

/**
 * Maps what a LangChain4j call throws to the error the client of the gateway sees. Everything the upstream did wrong
 * leaves {@link UpstreamHttpClient} as a {@link GatewayException} (LangChain4j may wrap it); anything else failed inside
 * the gateway, before or after the exchange (converting the request, reading a checked answer), so it is never
 * reported or counted as the upstream's fault.
 */
public final class LangChainFailures {

    private static final Logger LOG = Logger.getLogger(LangChainFailures.class);

    private LangChainFailures() {
    }

    public static GatewayException map(Upstream upstream, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof GatewayException gatewayException) {
                return gatewayException;
            }
        }
        LOG.errorf(failure, "the gateway failed around a call to the upstream '%s'", upstream.name());
        return new GatewayException(ErrorKind.INTERNAL, "The gateway failed unexpectedly while calling the upstream '"
                + upstream.name() + "'; the failure is logged.");
    }
}
