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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatepost.caller.Role;
import org.gatepost.caller.CurrentCaller;
import org.gatepost.common.IfMatch;
import org.gatepost.common.Page;

@Path("/api/v1/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Teams")
@Authenticated
public class TeamResource {

    private final TeamService service;
    private final CurrentCaller caller;

    TeamResource(TeamService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listTeams", summary = "Teams of the villages at or below a place (default: your home place)",
            description = "Roles: any signed-in account. One page holds them all (nextCursor is null).")
    public Page<TeamView> list(@QueryParam("placeId") @Parameter(description = "The place (default: your home place)") UUID placeId) {
        List<TeamView> teams = service.list(caller.get(), placeId);
        return new Page<>(teams, null);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTeam", summary = "One team in your area", description = "Roles: any signed-in account.")
    public TeamView get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id);
    }

    @POST
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(operationId = "createTeam", summary = "Create a team (admins; the village's cadre)",
            description = "Roles: ADMIN, CADRE.")
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "Location", description = "The new team's address",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TeamView.class)))
    public Response create(@NotNull @Valid CreateTeamRequest request) {
        TeamView created = service.create(caller.get(), request);
        return Response.created(URI.create("/api/v1/teams/" + created.id())).entity(created).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(operationId = "updateTeam", summary = "Rename a team, change its leader, or (de)activate it",
            description = "Roles: ADMIN, CADRE (teams of their village). If-Match with the team's ETag refuses (412) a write "
                    + "to a newer version.")
    public TeamView update(@PathParam("id") UUID id,
                           @HeaderParam("If-Match") @Parameter(description = IfMatch.DESCRIPTION) String ifMatch,
                           @NotNull @Valid UpdateTeamRequest request) {
        return service.update(caller.get(), id, request, IfMatch.parse(ifMatch));
    }
}
