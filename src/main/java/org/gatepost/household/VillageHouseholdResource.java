package org.gatepost.household;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.gatepost.common.Page;
import org.gatepost.common.Paging;

/** A village's household register, its outing limit and its sheet of pass cards. */
@Path("/api/v1/villages/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Households")
@Authenticated
public class VillageHouseholdResource {

    private final HouseholdService service;
    private final CurrentCaller caller;

    VillageHouseholdResource(HouseholdService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/households")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(operationId = "listHouseholds", summary = "The village's households by label",
            description = "Roles: ADMIN, CADRE (the village's own). Pages by cursor: pass nextCursor back as cursor.")
    public Page<HouseholdView> list(@PathParam("id") UUID id,
                                    @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor,
                                    @QueryParam("limit") @Parameter(description = Paging.LIMIT_DESCRIPTION)
                                    @Min(value = 1, message = Paging.LIMIT_RANGE)
                                    @Max(value = Paging.MAX_LIMIT, message = Paging.LIMIT_RANGE) Integer limit) {
        return service.list(caller.get(), id, Cursor.decode(cursor), Paging.limit(limit));
    }

    @POST
    @Path("/households")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(operationId = "createHousehold", summary = "Register a household; its phone is stored in E.164",
            description = "Roles: ADMIN, CADRE (the village's own). A label already registered in the village is a 409.")
    @APIResponse(responseCode = "201", description = "Registered",
            headers = @Header(name = "Location", description = "The new household's address",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HouseholdView.class)))
    public Response create(@PathParam("id") UUID id, @NotNull @Valid HouseholdRequests.Create request) {
        HouseholdView created = service.create(caller.get(), id, request);
        return Response.created(URI.create("/api/v1/households/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/outing-limit")
    @Operation(operationId = "getOutingLimit", summary = "The village's outing limit (404 when it has none)",
            description = "Roles: any signed-in account whose area holds the village (ADMIN, OFFICIAL, CADRE, VOLUNTEER).")
    public OutingLimit limit(@PathParam("id") UUID id) {
        return service.limit(caller.get(), id);
    }

    @PUT
    @Path("/outing-limit")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(operationId = "setOutingLimit",
            summary = "Set the village's outing limit: N outings per household in each period of M days from today",
            description = "Roles: ADMIN, CADRE (the village's own). Replaces a previous limit; periods count from today.")
    public OutingLimit setLimit(@PathParam("id") UUID id, @NotNull @Valid HouseholdRequests.SetOutingLimit request) {
        return service.setLimit(caller.get(), id, request);
    }

    @DELETE
    @Path("/outing-limit")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(operationId = "removeOutingLimit", summary = "Remove the village's outing limit",
            description = "Roles: ADMIN, CADRE (the village's own). 404 when the village has none.")
    @APIResponse(responseCode = "204", description = "Removed")
    public void removeLimit(@PathParam("id") UUID id) {
        service.removeLimit(caller.get(), id);
    }

    @GET
    @Path("/pass-cards")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(operationId = "listPassCards", summary = "Every live pass of the village, for the printable sheet of cards",
            description = "Roles: ADMIN, CADRE (the village's own). Holds each pass's token: print it, do not share it.")
    public PassViews.Cards cards(@PathParam("id") UUID id) {
        return service.cards(caller.get(), id);
    }
}
