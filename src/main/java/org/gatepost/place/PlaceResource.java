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

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatepost.caller.CurrentCaller;
import org.gatepost.caller.Role;
import org.gatepost.common.Cursor;
import org.gatepost.common.IfMatch;
import org.gatepost.common.Ids;
import org.gatepost.common.Page;
import org.gatepost.common.Paging;

@Path("/api/v1/places")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Places", description = "County > township > village > checkpoint")
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
    @Operation(summary = "One place in your area")
    public PlaceView get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id);
    }

    @GET
    @Operation(summary = "The children of a place; without parentId, your home place")
    public Page<PlaceView> children(@QueryParam("parentId") String parentId,
                                    @QueryParam("cursor") String cursor,
                                    @QueryParam("limit") String limit) {
        return service.children(caller.get(), Ids.parse("parentId", parentId), Cursor.decode(cursor), Paging.limit(limit));
    }

    @POST
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(summary = "Add a place (admins: any; cadres: a checkpoint of their village)")
    public Response create(@NotNull @Valid CreatePlaceRequest request) {
        PlaceView created = service.create(caller.get(), request);
        return Response.created(URI.create("/api/v1/places/" + created.id())).entity(created).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(summary = "Rename, deactivate or reactivate a place; If-Match with its ETag refuses (412) a write to a newer version")
    public PlaceView update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                            @NotNull @Valid UpdatePlaceRequest request) {
        return service.update(caller.get(), id, request, IfMatch.parse(ifMatch));
    }
}
