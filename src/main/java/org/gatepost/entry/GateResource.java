package org.gatepost.entry;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatepost.caller.CurrentCaller;
import org.gatepost.caller.Role;

/** What the app at the gate needs beside recording: the rule it applies and today's counts. */
@Path("/api/v1/gate")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Entries")
@Authenticated
public class GateResource {

    private final GateService service;
    private final CurrentCaller caller;

    GateResource(GateService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/rule")
    @Operation(operationId = "getGateRule", summary = "The rule at the gate as the server applies it: fever threshold, "
            + "plausible temperatures, codes never admitted", description = "Roles: any signed-in account.")
    public GateRuleView rule() {
        return service.rule();
    }

    @GET
    @Path("/today")
    @RolesAllowed({Role.NAME_VOLUNTEER, Role.NAME_CADRE})
    @Operation(operationId = "getGateToday",
            summary = "Today's counts at a gate of your village (the county's local day), with how many you recorded",
            description = "Roles: VOLUNTEER, CADRE.")
    public GateTodayView today(@QueryParam("checkpointId") @Parameter(description = "The gate")
                               @NotNull(message = "is required") UUID checkpointId) {
        return service.today(caller.get(), checkpointId);
    }
}
