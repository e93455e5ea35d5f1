package org.gatepost.roster;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatepost.caller.CurrentCaller;
import org.gatepost.caller.Role;
import org.gatepost.common.Cursor;
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

    ShiftResource(RosterService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listShifts",
            summary = "Shifts at the gates at or below a place overlapping [from, to), with who is assigned and on duty",
            description = "Roles: any signed-in account, in their area. Pages by cursor: pass nextCursor back as cursor.")
    public Page<ShiftView> list(@QueryParam("placeId") @Parameter(description = "The place whose gates' shifts to list")
                                @NotNull(message = "is required") UUID placeId,
                                @QueryParam("from") @Parameter(description = TimeRange.FROM_DESCRIPTION)
                                @NotNull(message = TimeRange.REQUIRED) Instant from,
                                @QueryParam("to") @Parameter(description = TimeRange.TO_DESCRIPTION)
                                @NotNull(message = TimeRange.REQUIRED) Instant to,
                                @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor,
                                @QueryParam("limit") @Parameter(description = Paging.LIMIT_DESCRIPTION)
                                @Min(value = 1, message = Paging.LIMIT_RANGE) @Max(value = Paging.MAX_LIMIT, message = Paging.LIMIT_RANGE)
                                Integer limit) {
        return service.list(caller.get(), placeId, TimeRange.of(from, to), Cursor.decodeTimed(cursor), Paging.limit(limit));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getShift", summary = "One shift in your area",
            description = "Roles: any signed-in account, in their area.")
    public ShiftView get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id);
    }

    @POST
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(operationId = "createShift", summary = "Add a single shift at a gate of your village",
            description = "Roles: ADMIN, CADRE.")
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "The new shift's address",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShiftView.class)))
    public Response create(@NotNull @Valid ShiftRequests.Create request) {
        ShiftView created = service.create(caller.get(), request);
        return Response.created(URI.create("/api/v1/shifts/" + created.id())).entity(created).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(operationId = "updateShift", summary = "Move a shift or change its minimum staff",
            description = "Roles: ADMIN, CADRE. If-Match with the shift's ETag refuses (412) a write to a newer version.")
    public ShiftView update(@PathParam("id") UUID id,
                            @HeaderParam("If-Match") @Parameter(description = IfMatch.DESCRIPTION) String ifMatch,
                            @NotNull @Valid ShiftRequests.Update request) {
        return service.update(caller.get(), id, request, IfMatch.parse(ifMatch));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(operationId = "cancelShift", summary = "Cancel a shift nobody has checked in to",
            description = "Roles: ADMIN, CADRE.")
    @APIResponse(responseCode = "204", description = "Cancelled")
    public Response cancel(@PathParam("id") UUID id,
                           @HeaderParam("If-Match") @Parameter(description = IfMatch.DESCRIPTION) String ifMatch) {
        service.cancel(caller.get(), id, IfMatch.parse(ifMatch));
        return Response.noContent().build();
    }

    @PUT
    @Path("/{id}/assignments/{volunteerId}")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(operationId = "assignVolunteer",
            summary = "Assign a volunteer of the village; 409 naming the overlapping shift if they are already booked",
            description = "Roles: ADMIN, CADRE. Assigning again changes nothing.")
    public ShiftView assign(@PathParam("id") UUID id, @PathParam("volunteerId") UUID volunteerId) {
        return service.assign(caller.get(), id, volunteerId);
    }

    @DELETE
    @Path("/{id}/assignments/{volunteerId}")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(operationId = "unassignVolunteer", summary = "Take a volunteer off a shift they have not checked in to",
            description = "Roles: ADMIN, CADRE.")
    @APIResponse(responseCode = "204", description = "Taken off")
    public Response unassign(@PathParam("id") UUID id, @PathParam("volunteerId") UUID volunteerId) {
        service.unassign(caller.get(), id, volunteerId);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/check-in")
    @RolesAllowed(Role.NAME_VOLUNTEER)
    @Operation(operationId = "checkIn", summary = "Check in to your shift, from 30 minutes before it starts until it ends",
            description = "Roles: VOLUNTEER (assigned to the shift).")
    public MyShiftView checkIn(@PathParam("id") UUID id) {
        return service.checkIn(caller.get(), id);
    }

    @POST
    @Path("/{id}/check-out")
    @RolesAllowed(Role.NAME_VOLUNTEER)
    @Operation(operationId = "checkOut", summary = "Check out of your shift, optionally leaving a note for the next shift",
            description = "Roles: VOLUNTEER (checked in to the shift). The body may be left out.")
    public MyShiftView checkOut(@PathParam("id") UUID id, @Valid ShiftRequests.CheckOut request) {
        return service.checkOut(caller.get(), id, request);
    }
}
