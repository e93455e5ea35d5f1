package org.gatepost.account;

import java.net.URI;
import java.util.List;
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
import org.gatepost.caller.Role;
import org.gatepost.caller.CurrentCaller;
import org.gatepost.common.IfMatch;
import org.gatepost.common.Ids;
import org.gatepost.common.Page;

@Path("/api/v1/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Teams", description = "Volunteer teams (幫幫團) of a village")
@Authenticated
public class TeamResource {

    private final TeamService service;
    private final CurrentCaller caller;

    TeamResource(TeamService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Teams of the villages at or below a place (default: your home place)")
    public Page<TeamView> list(@QueryParam("placeId") String placeId) {
        List<TeamView> teams = service.list(caller.get(), Ids.parse("placeId", placeId));
        return new Page<>(teams, null);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One team in your area")
    public TeamView get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id);
    }

    @POST
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(summary = "Create a team (admins; the village's cadre)")
    public Response create(@NotNull @Valid CreateTeamRequest request) {
        TeamView created = service.create(caller.get(), request);
        return Response.created(URI.create("/api/v1/teams/" + created.id())).entity(created).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(summary = "Rename a team, change its leader, or (de)activate it")
    public TeamView update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid UpdateTeamRequest request) {
        return service.update(caller.get(), id, request, IfMatch.parse(ifMatch));
    }
}
