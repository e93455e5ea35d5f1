package org.gatepost.roster;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatepost.account.CurrentCaller;
import org.gatepost.account.Role;
import org.gatepost.common.Cursor;
import org.gatepost.common.GatepostConfig;
import org.gatepost.common.Ids;
import org.gatepost.common.Page;
import org.gatepost.common.Paging;
import org.gatepost.common.TimeRange;

@Path("/api/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics")
@RolesAllowed({Role.NAME_ADMIN, Role.NAME_OFFICIAL, Role.NAME_CADRE})
public class RosterStatsResource {

    private final RosterStatsService service;
    private final CurrentCaller caller;
    private final GatepostConfig config;

    RosterStatsResource(RosterStatsService service, CurrentCaller caller, GatepostConfig config) {
        this.service = service;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Path("/coverage")
    @Operation(summary = "Every gate below a place at a moment (default: now): its shift, minimum, assigned and on duty")
    public RosterStats.Coverage coverage(@QueryParam("placeId") String placeId, @QueryParam("at") String at) {
        return service.coverage(caller.get(), Ids.require("placeId", placeId),
                TimeRange.instant("at", at, config.timeZone()));
    }

    @GET
    @Path("/understaffed")
    @Operation(summary = "Shifts below their minimum staff in [from, to)")
    public Page<RosterStats.UnderstaffedShift> understaffed(@QueryParam("placeId") String placeId,
                                                           @QueryParam("from") String from, @QueryParam("to") String to,
                                                           @QueryParam("cursor") String cursor,
                                                           @QueryParam("limit") String limit) {
        return service.understaffed(caller.get(), Ids.require("placeId", placeId),
                TimeRange.parse(from, to, config.timeZone()), Cursor.decode(cursor), Paging.limit(limit));
    }

    @GET
    @Path("/volunteer-hours")
    @Operation(summary = "Service hours per volunteer and per team for check-ins in [from, to)")
    public RosterStats.VolunteerHours volunteerHours(@QueryParam("placeId") String placeId,
                                                     @QueryParam("from") String from, @QueryParam("to") String to) {
        return service.volunteerHours(caller.get(), Ids.require("placeId", placeId),
                TimeRange.parse(from, to, config.timeZone()));
    }
}
