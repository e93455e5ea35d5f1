package org.gatepost.roster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatepost.caller.CurrentCaller;
import org.gatepost.caller.Role;
import org.gatepost.common.Csv;
import org.gatepost.common.Cursor;
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
@SecurityRequirement(name = "jwt")
@SecurityRequirement(name = "dashboardKey")
public class RosterStatsResource {

    private static final String ROLES = "Roles: ADMIN, OFFICIAL, CADRE, and dashboard API keys (their own subtree).";

    private final RosterStatsService roster;
    private final CurrentCaller caller;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    RosterStatsResource(RosterStatsService roster, CurrentCaller caller) {
        this.roster = roster;
        this.caller = caller;
    }

    @GET
    @Path("/coverage")
    @Operation(operationId = "getCoverage",
            summary = "Every gate below a place at a moment (default: now): its shift, minimum, assigned and on duty",
            description = ROLES)
    @APIResponse(responseCode = "200", description = "The coverage", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RosterStats.Coverage.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, description = "One row per gate"))})
    public Response coverage(@QueryParam("placeId") @Parameter(description = "The place whose gates are shown")
                             @NotNull(message = "is required") UUID placeId,
                             @QueryParam("at") @Parameter(description = "The moment (default: now): an instant with offset "
                                     + "or a date") Instant at,
                             @QueryParam("format") @Parameter(description = Csv.FORMAT_DESCRIPTION) Csv.Format format) {
        boolean csv = Csv.wanted(format, headers);
        RosterStats.Coverage c = roster.coverage(caller.forStatistics(), placeId, at);
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
    @Operation(operationId = "listUnderstaffedShifts", summary = "Shifts below their minimum staff in [from, to)",
            description = ROLES + " Pages by cursor: pass nextCursor back as cursor (in CSV, the Link header's next).")
    @APIResponse(responseCode = "200", description = "The understaffed shifts", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnderstaffedPage.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, description = "One row per shift"))},
            headers = @Header(name = "Link", description = "In CSV, the next page: <...>; rel=\"next\"",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response understaffed(@QueryParam("placeId") @Parameter(description = "The place whose gates are counted")
                                 @NotNull(message = "is required") UUID placeId,
                                 @QueryParam("from") @Parameter(description = TimeRange.FROM_DESCRIPTION)
                                 @NotNull(message = TimeRange.REQUIRED) Instant from,
                                 @QueryParam("to") @Parameter(description = TimeRange.TO_DESCRIPTION)
                                 @NotNull(message = TimeRange.REQUIRED) Instant to,
                                 @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor,
                                 @QueryParam("limit") @Parameter(description = Paging.LIMIT_DESCRIPTION)
                                 @Min(value = 1, message = Paging.LIMIT_RANGE) @Max(value = Paging.MAX_LIMIT, message = Paging.LIMIT_RANGE)
                                 Integer limit,
                                 @QueryParam("format") @Parameter(description = Csv.FORMAT_DESCRIPTION) Csv.Format format) {
        boolean csv = Csv.wanted(format, headers);
        Page<RosterStats.UnderstaffedShift> page = roster.understaffed(caller.forStatistics(), placeId, TimeRange.of(from, to),
                Cursor.decodeTimed(cursor), Paging.limit(limit));
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
    @Operation(operationId = "getVolunteerHours", summary = "Service hours per volunteer and per team for check-ins in [from, to)",
            description = ROLES)
    @APIResponse(responseCode = "200", description = "The hours", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RosterStats.VolunteerHours.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                    description = "One row per volunteer"))})
    public Response volunteerHours(@QueryParam("placeId") @Parameter(description = "The place whose volunteers are counted")
                                   @NotNull(message = "is required") UUID placeId,
                                   @QueryParam("from") @Parameter(description = TimeRange.FROM_DESCRIPTION)
                                   @NotNull(message = TimeRange.REQUIRED) Instant from,
                                   @QueryParam("to") @Parameter(description = TimeRange.TO_DESCRIPTION)
                                   @NotNull(message = TimeRange.REQUIRED) Instant to,
                                   @QueryParam("format") @Parameter(description = Csv.FORMAT_DESCRIPTION) Csv.Format format) {
        boolean csv = Csv.wanted(format, headers);
        RosterStats.VolunteerHours hours = roster.volunteerHours(caller.forStatistics(), placeId, TimeRange.of(from, to));
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

    /** A CSV row that may hold empty fields. */
    private static List<Object> nullable(Object... fields) {
        return Arrays.asList(fields);
    }

    /** The page's schema in the document: a generic Page cannot be named in an annotation. */
    @Schema(name = "PageUnderstaffedShift")
    private record UnderstaffedPage(@Schema(required = true) List<RosterStats.UnderstaffedShift> items,
                                    @Schema(required = true, nullable = true) String nextCursor) {
    }
}
