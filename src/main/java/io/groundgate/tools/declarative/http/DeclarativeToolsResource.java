package io.groundgate.tools.declarative.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.groundgate.tools.declarative.DeclarativeToolProvider;
import io.groundgate.tools.declarative.ReloadStatus;
import io.smallrye.common.annotation.Blocking;

/** The declarative tools' state under {@code /admin}, so the admin guard protects it. */
@Path("/admin/tools")
@Produces(MediaType.APPLICATION_JSON)
public class DeclarativeToolsResource {

    private final DeclarativeToolProvider provider;

    public DeclarativeToolsResource(DeclarativeToolProvider provider) {
        this.provider = provider;
    }

    /** The files, the tools they define, and the problems of the latest reload. */
    @GET
    public ReloadStatus status() {
        return provider.status();
    }

    /** Reloads the files now (they are also watched) and answers with the outcome. */
    @POST
    @Path("/reload")
    @Blocking
    public ReloadStatus reload() {
        return provider.reload("admin");
    }
}
