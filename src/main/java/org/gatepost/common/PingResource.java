package org.gatepost.common;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Answers "pong": a client (and the CI's scripts) tell that the application is up, without signing in. */
@Path("/api/v1/ping")
@Tag(name = "Service")
public class PingResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @SecurityRequirements
    @Operation(operationId = "ping", summary = "Whether the application answers", description = "Public. Answers pong.")
    public String ping() {
        return "pong";
    }
}
