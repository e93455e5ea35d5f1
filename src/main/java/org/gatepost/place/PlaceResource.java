package org.gatepost.place;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

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

@Path("/api/v1/places")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Places")
@Authenticated
public class PlaceResource {

    private final PlaceService service;
    private final CurrentCaller caller;

    PlaceResource(PlaceService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPlace", summary = "One place in your area",
            description = "Roles: any signed-in account. A place outside your area answers 404.")
    public PlaceView get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id);
    }

    @GET
    @Operation(operationId = "listPlaces", summary = "The children of a place; without parentId, your home place",
            description = "Roles: any signed-in account. Pages by cursor: pass nextCursor back as cursor.")
    public Page<PlaceView> children(@QueryParam("parentId") @Parameter(description = "The place whose children to list") UUID parentId,
                                    @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor,
                                    @QueryParam("limit") @Parameter(description = Paging.LIMIT_DESCRIPTION)
                                    @Min(value = 1, message = Paging.LIMIT_RANGE) @Max(value = Paging.MAX_LIMIT, message = Paging.LIMIT_RANGE)
                                    Integer limit) {
        return service.children(caller.get(), parentId, Cursor.decode(cursor), Paging.limit(limit));
    }

    @POST
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(operationId = "createPlace", summary = "Add a place (admins: any; cadres: a checkpoint of their village)",
            description = "Roles: ADMIN, CADRE.")
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "The new place's address",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlaceView.class)))
    public Response create(@NotNull @Valid CreatePlaceRequest request) {
        PlaceView created = service.create(caller.get(), request);
        return Response.created(URI.create("/api/v1/places/" + created.id())).entity(created).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(operationId = "updatePlace", summary = "Rename, deactivate or reactivate a place",
            description = "Roles: ADMIN, CADRE (a checkpoint of their village). If-Match with the place's ETag refuses (412) "
                    + "a write to a newer version.")
    public PlaceView update(@PathParam("id") UUID id, @HeaderParam("If-Match") @Parameter(description = IfMatch.DESCRIPTION) String ifMatch,
                            @NotNull @Valid UpdatePlaceRequest request) {
        return service.update(caller.get(), id, request, IfMatch.parse(ifMatch));
    }
}
