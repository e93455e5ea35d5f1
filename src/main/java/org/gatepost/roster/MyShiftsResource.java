package org.gatepost.roster;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatepost.caller.CurrentCaller;
import org.gatepost.caller.Role;
import org.gatepost.common.Page;

@Path("/api/v1/me/shifts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rosters")
@RolesAllowed(Role.NAME_VOLUNTEER)
public class MyShiftsResource {

    private final RosterService service;
    private final CurrentCaller caller;

    MyShiftsResource(RosterService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listMyShifts", summary = "Your current and upcoming shifts, with the previous shift's handover notes",
            description = "Roles: VOLUNTEER. One page holds them all (nextCursor is null).")
    public Page<MyShiftView> mine() {
        List<MyShiftView> shifts = service.myShifts(caller.get());
        return new Page<>(shifts, null);
    }
}
