package org.gatepost.checkin;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatepost.caller.CurrentCaller;
import org.gatepost.caller.Role;

/** A gate's poster: the address its QR code opens for visitors' self check-in. */
@Path("/api/v1/checkpoints/{id}/poster")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Self check-in")
@RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
public class PosterResource {

    private final CheckInService service;
    private final CurrentCaller caller;

    PosterResource(CheckInService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getPoster", summary = "The gate's poster: its self check-in address, made on first read",
            description = "Roles: ADMIN, CADRE (the gate's village).")
    public CheckInViews.Poster get(@PathParam("id") UUID id, @Context UriInfo uri) {
        return service.poster(caller.get(), id, origin(uri));
    }

    @POST
    @Operation(operationId = "rotatePoster", summary = "A new poster address for the gate; the printed one stops working",
            description = "Roles: ADMIN, CADRE (the gate's village). Answers the new poster (200): nothing new is created.")
    public CheckInViews.Poster rotate(@PathParam("id") UUID id, @Context UriInfo uri) {
        return service.rotate(caller.get(), id, origin(uri));
    }

    /** The origin as the client reached us (behind the trusted proxy, the one it forwarded). */
    private static String origin(UriInfo uri) {
        java.net.URI base = uri.getBaseUri();
        return base.getScheme() + "://" + base.getRawAuthority();
    }
}
