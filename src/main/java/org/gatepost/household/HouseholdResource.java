package org.gatepost.household;

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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatepost.caller.CurrentCaller;
import org.gatepost.caller.Role;
import org.gatepost.common.IfMatch;

/** One household of the register, and its pass. */
@Path("/api/v1/households")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Households")
@RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
public class HouseholdResource {

    private final HouseholdService service;
    private final CurrentCaller caller;

    HouseholdResource(HouseholdService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getHousehold", summary = "One household, with its outings in the current period and its live pass",
            description = "Roles: ADMIN, CADRE (the household's village).")
    public HouseholdView get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id);
    }

    @PATCH
    @Path("/{id}")
    @Operation(operationId = "updateHousehold", summary = "Change a household; absent fields stay, phone \"\" removes it",
            description = "Roles: ADMIN, CADRE (the household's village). If-Match with the household's ETag refuses (412) "
                    + "a write to a newer version.")
    public HouseholdView update(@PathParam("id") UUID id,
                                @HeaderParam("If-Match") @Parameter(description = IfMatch.DESCRIPTION) String ifMatch,
                                @NotNull @Valid HouseholdRequests.Update request) {
        return service.update(caller.get(), id, request, IfMatch.parse(ifMatch));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteHousehold", summary = "Delete a household and its personal data; its pass is revoked",
            description = "Roles: ADMIN, CADRE (the household's village). If-Match with the household's ETag refuses (412) "
                    + "deleting a newer version.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id,
                       @HeaderParam("If-Match") @Parameter(description = IfMatch.DESCRIPTION) String ifMatch) {
        service.delete(caller.get(), id, IfMatch.parse(ifMatch));
    }

    @POST
    @Path("/{id}/pass")
    @Operation(operationId = "issuePass", summary = "Issue the household's pass (JWS, ES256); a previous pass is revoked (reissue)",
            description = "Roles: ADMIN, CADRE (the household's village). The body may be left out (90 days).")
    @APIResponse(responseCode = "201", description = "Issued",
            headers = @Header(name = "Location", description = "The household, whose pass now shows this serial and its dates",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PassViews.Issued.class)))
    public Response issuePass(@PathParam("id") UUID id,
                              @RequestBody(required = false) @Valid HouseholdRequests.IssuePass request) {
        PassViews.Issued issued = service.issuePass(caller.get(), id, request);
        // The pass has no address of its own: it is a part of its household.
        return Response.created(URI.create("/api/v1/households/" + id)).entity(issued).build();
    }

    @DELETE
    @Path("/{id}/pass")
    @Operation(operationId = "revokePass", summary = "Revoke the household's pass; phones learn it with the trust data",
            description = "Roles: ADMIN, CADRE (the household's village). 404 when the household has no live pass.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public void revokePass(@PathParam("id") UUID id) {
        service.revokePass(caller.get(), id);
    }
}
