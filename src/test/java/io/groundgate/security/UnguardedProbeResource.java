package io.groundgate.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * Test fixture: a REST resource in the admin area whose path the admin guard's prefix ({@code /admin/*}) does not
 * cover — standing in for any way a path might reach a protected resource without its access check.
 */
@Path("/admin-unguarded")
public class UnguardedProbeResource {

    @GET
    public String get() {
        return "served without a check";
    }
}
