package org.gatepost.roster;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatepost.caller.CurrentCaller;
import org.gatepost.caller.Role;

@Path("/api/v1/villages/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rosters")
@Authenticated
public class VillageRosterResource {

    private final RosterService service;
    private final CurrentCaller caller;

    VillageRosterResource(RosterService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/shift-templates")
    @Operation(operationId = "listShiftTemplates",
            summary = "The village's day plan of shifts (default: 06–12, 12–18, 18–24, two people each)",
            description = "Roles: any signed-in account, in their area.")
    public List<ShiftTemplateView> templates(@PathParam("id") UUID id) {
        return service.templates(caller.get(), id);
    }

    @PUT
    @Path("/shift-templates")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(operationId = "replaceShiftTemplates", summary = "Replace the village's day plan (the village's cadre)",
            description = "Roles: ADMIN, CADRE.")
    public List<ShiftTemplateView> replaceTemplates(@PathParam("id") UUID id,
                                                    @NotNull List<@NotNull @Valid ShiftTemplateView> request) {
        return service.replaceTemplates(caller.get(), id, request);
    }

    @POST
    @Path("/roster/generate")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(operationId = "generateRoster",
            summary = "Create the day plan's shifts at every gate of the village for the dates [from, to); never twice",
            description = "Roles: ADMIN, CADRE. Answers how many shifts were created; 0 when all existed already.")
    public ShiftRequests.Generated generate(@PathParam("id") UUID id, @NotNull @Valid ShiftRequests.Generate request) {
        return service.generate(caller.get(), id, request);
    }
}
