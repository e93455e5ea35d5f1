package org.gatepost.household;

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
    @Operation(summary = "One household (the village's cadre)")
    public HouseholdView get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id);
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change a household; absent fields stay, phone \"\" removes it; If-Match refuses (412) a stale write")
    public HouseholdView update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                @NotNull @Valid HouseholdRequests.Update request) {
        return service.update(caller.get(), id, request, IfMatch.parse(ifMatch));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a household and its personal data; its pass is revoked")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        service.delete(caller.get(), id, IfMatch.parse(ifMatch));
    }

    @POST
    @Path("/{id}/pass")
    @Operation(summary = "Issue the household's pass (JWS, ES256); a previous pass is revoked (reissue)")
    public Response issuePass(@PathParam("id") UUID id, @Valid HouseholdRequests.IssuePass request) {
        return Response.status(Response.Status.CREATED).entity(service.issuePass(caller.get(), id, request)).build();
    }

    @DELETE
    @Path("/{id}/pass")
    @Operation(summary = "Revoke the household's pass; phones learn it with the trust data")
    public void revokePass(@PathParam("id") UUID id) {
        service.revokePass(caller.get(), id);
    }
}
