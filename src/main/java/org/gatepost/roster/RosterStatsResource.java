package org.gatepost.roster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatepost.caller.CurrentCaller;
import org.gatepost.caller.Role;
import org.gatepost.common.Csv;
import org.gatepost.common.Cursor;
import org.gatepost.common.GatepostConfig;
import org.gatepost.common.Ids;
import org.gatepost.common.Page;
import org.gatepost.common.Paging;
import org.gatepost.common.TimeRange;

/**
 * The roster's statistics for officials, cadres and dashboard API keys, each in its own subtree:
 * which gates are staffed now, which shifts fall short, and who served how long. They sit beside
 * the entry statistics under {@code /api/v1/stats}; each answers JSON, or CSV for spreadsheets
 * ({@code Accept: text/csv} or {@code format=csv}).
 */
@Path("/api/v1/stats")
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
@Tag(name = "Statistics")
@RolesAllowed({Role.NAME_ADMIN, Role.NAME_OFFICIAL, Role.NAME_CADRE, Role.NAME_DASHBOARD})
public class RosterStatsResource {

    private final RosterStatsService roster;
    private final CurrentCaller caller;
    private final GatepostConfig config;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    RosterStatsResource(RosterStatsService roster, CurrentCaller caller, GatepostConfig config) {
        this.roster = roster;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Path("/coverage")
    @Operation(summary = "Every gate below a place at a moment (default: now): its shift, minimum, assigned and on duty")
    public Response coverage(@QueryParam("placeId") String placeId, @QueryParam("at") String at,
                             @QueryParam("format") String format) {
        boolean csv = Csv.wanted(format, headers);
        RosterStats.Coverage c = roster.coverage(caller.forStatistics(), Ids.require("placeId", placeId),
                TimeRange.instant("at", at, config.timeZone()));
        if (!csv) {
            return Response.ok(c, MediaType.APPLICATION_JSON).build();
        }
        List<List<?>> rows = new ArrayList<>();
        c.checkpoints().forEach(p -> rows.add(nullable(c.at(), p.checkpointId(), p.name(), p.shiftId(), p.startsAt(),
                p.endsAt(), p.minStaff(), p.assigned(), p.onDuty(), p.status())));
        return Csv.response("coverage", List.of("at", "checkpointId", "name", "shiftId", "startsAt", "endsAt", "minStaff",
                "assigned", "onDuty", "status"), rows);
    }

    @GET
    @Path("/understaffed")
    @Operation(summary = "Shifts below their minimum staff in [from, to)")
    public Response understaffed(@QueryParam("placeId") String placeId, @QueryParam("from") String from,
                                 @QueryParam("to") String to, @QueryParam("cursor") String cursor,
                                 @QueryParam("limit") String limit, @QueryParam("format") String format) {
        boolean csv = Csv.wanted(format, headers);
        Page<RosterStats.UnderstaffedShift> page = roster.understaffed(caller.forStatistics(),
                Ids.require("placeId", placeId), range(from, to), Cursor.decodeTimed(cursor), Paging.limit(limit));
        if (!csv) {
            return Response.ok(page, MediaType.APPLICATION_JSON).build();
        }
        List<List<?>> rows = new ArrayList<>();
        page.items().forEach(s -> rows.add(List.of(s.shiftId(), s.checkpointId(), s.checkpointName(), s.startsAt(),
                s.endsAt(), s.minStaff(), s.assigned(), s.checkedIn(), s.missing())));
        Response.ResponseBuilder response = Response.fromResponse(Csv.response("understaffed", List.of("shiftId",
                "checkpointId", "checkpointName", "startsAt", "endsAt", "minStaff", "assigned", "checkedIn", "missing"), rows));
        if (page.nextCursor() != null) {
            response.header("Link", "<" + uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build()
                    + ">; rel=\"next\"");
        }
        return response.build();
    }

    @GET
    @Path("/volunteer-hours")
    @Operation(summary = "Service hours per volunteer and per team for check-ins in [from, to)")
    public Response volunteerHours(@QueryParam("placeId") String placeId, @QueryParam("from") String from,
                                   @QueryParam("to") String to, @QueryParam("format") String format) {
        boolean csv = Csv.wanted(format, headers);
        RosterStats.VolunteerHours hours = roster.volunteerHours(caller.forStatistics(), Ids.require("placeId", placeId),
                range(from, to));
        if (!csv) {
            return Response.ok(hours, MediaType.APPLICATION_JSON).build();
        }
        Map<UUID, String> teamNames = new HashMap<>();
        hours.teams().forEach(t -> teamNames.put(t.teamId(), t.name()));
        List<List<?>> rows = new ArrayList<>();
        hours.volunteers().forEach(v -> rows.add(nullable(v.accountId(), v.name(), v.teamId(),
                v.teamId() == null ? null : teamNames.get(v.teamId()), v.shifts(), v.hours())));
        return Csv.response("volunteer-hours", List.of("accountId", "name", "teamId", "team", "shifts", "hours"), rows);
    }

    private TimeRange range(String from, String to) {
        return TimeRange.parse(from, to, config.timeZone());
    }

    /** A CSV row that may hold empty fields. */
    private static List<Object> nullable(Object... fields) {
        return Arrays.asList(fields);
    }
}
