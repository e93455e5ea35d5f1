package org.gatepost.roster;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatepost.caller.CurrentCaller;
import org.gatepost.caller.Role;
import org.gatepost.common.Cursor;
import org.gatepost.common.GatepostConfig;
import org.gatepost.common.Ids;
import org.gatepost.common.IfMatch;
import org.gatepost.common.Page;
import org.gatepost.common.Paging;
import org.gatepost.common.TimeRange;

@Path("/api/v1/shifts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rosters")
@Authenticated
public class ShiftResource {

    private final RosterService service;
    private final CurrentCaller caller;
    private final GatepostConfig config;

    ShiftResource(RosterService service, CurrentCaller caller, GatepostConfig config) {
        this.service = service;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Operation(summary = "Shifts at the gates at or below a place overlapping [from, to), with who is assigned and on duty")
    public Page<ShiftView> list(@QueryParam("placeId") String placeId, @QueryParam("from") String from,
                                @QueryParam("to") String to, @QueryParam("cursor") String cursor,
                                @QueryParam("limit") String limit) {
        return service.list(caller.get(), Ids.require("placeId", placeId), TimeRange.parse(from, to, config.timeZone()),
                Cursor.decodeTimed(cursor), Paging.limit(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One shift in your area")
    public ShiftView get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id);
    }

    @POST
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(summary = "Add a single shift at a gate of your village")
    public Response create(@NotNull @Valid ShiftRequests.Create request) {
        ShiftView created = service.create(caller.get(), request);
        return Response.created(URI.create("/api/v1/shifts/" + created.id())).entity(created).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(summary = "Move a shift or change its minimum staff")
    public ShiftView update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                            @NotNull @Valid ShiftRequests.Update request) {
        return service.update(caller.get(), id, request, IfMatch.parse(ifMatch));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(summary = "Cancel a shift nobody has checked in to")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.cancel(caller.get(), id, IfMatch.parse(ifMatch));
        return Response.noContent().build();
    }

    @PUT
    @Path("/{id}/assignments/{volunteerId}")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(summary = "Assign a volunteer of the village; 409 naming the overlapping shift if they are already booked")
    public ShiftView assign(@PathParam("id") UUID id, @PathParam("volunteerId") UUID volunteerId) {
        return service.assign(caller.get(), id, volunteerId);
    }

    @DELETE
    @Path("/{id}/assignments/{volunteerId}")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(summary = "Take a volunteer off a shift they have not checked in to")
    public Response unassign(@PathParam("id") UUID id, @PathParam("volunteerId") UUID volunteerId) {
        service.unassign(caller.get(), id, volunteerId);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/check-in")
    @RolesAllowed(Role.NAME_VOLUNTEER)
    @Operation(summary = "Check in to your shift, from 30 minutes before it starts until it ends")
    public MyShiftView checkIn(@PathParam("id") UUID id) {
        return service.checkIn(caller.get(), id);
    }

    @POST
    @Path("/{id}/check-out")
    @RolesAllowed(Role.NAME_VOLUNTEER)
    @Operation(summary = "Check out of your shift, optionally leaving a note for the next shift")
    public MyShiftView checkOut(@PathParam("id") UUID id, @Valid ShiftRequests.CheckOut request) {
        return service.checkOut(caller.get(), id, request);
    }
}
