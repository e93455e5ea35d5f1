package org.gatepost.checkin;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The visitor's self check-in: public on purpose (no account, no install), guarded by
 * {@link CheckInGuard} (body size, rate limits) before it is reached.
 */
@Path("/api/v1/public/check-in/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Self check-in")
@PermitAll
public class CheckInResource {

    private final CheckInService service;

    CheckInResource(CheckInService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Public: which gate the poster is at")
    public CheckInViews.Gate gate(@PathParam("token") String token) {
        return service.gate(token);
    }

    @POST
    @Operation(summary = "Public: origin, purpose, party size and plate, answered as a signed code valid for minutes; "
            + "nothing typed is stored. Rate-limited per client address and per gate (429 with Retry-After)")
    public Response checkIn(@PathParam("token") String token, @NotNull @Valid CheckInViews.Request request) {
        return Response.status(Response.Status.CREATED).entity(service.checkIn(token, request)).build();
    }
}
