package org.gatepost.stats;

import java.util.ArrayList;
import java.util.List;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatepost.caller.CurrentCaller;
import org.gatepost.caller.Role;
import org.gatepost.common.Csv;
import org.gatepost.common.TimeRange;

/**
 * Every statistics endpoint, for officials, cadres and dashboard API keys, each in its own
 * subtree. Each answers JSON, or CSV for spreadsheets ({@code Accept: text/csv} or {@code format=csv}).
 */
@Path("/api/v1/stats")
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
@Tag(name = "Statistics")
@RolesAllowed({Role.NAME_ADMIN, Role.NAME_OFFICIAL, Role.NAME_CADRE, Role.NAME_DASHBOARD})
@SecurityRequirement(name = "jwt")
@SecurityRequirement(name = "dashboardKey")
public class StatsResource {

    /** Roles of every statistics operation, said in each description. */
    public static final String ROLES = "Roles: ADMIN, OFFICIAL, CADRE, and dashboard API keys (their own subtree).";
    public static final String PLACE_DESCRIPTION = "The place whose subtree is counted";

    /** The {@code split} query parameter; its one constant is spelled as on the wire. */
    @Schema(name = "SeriesSplit")
    public enum Split {
        children
    }

    private final StatsService stats;
    private final CurrentCaller caller;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    StatsResource(StatsService stats, CurrentCaller caller) {
        this.stats = stats;
        this.caller = caller;
    }

    @GET
    @Path("/summary")
    @Operation(operationId = "getSummary",
            summary = "Totals below a place over [from, to): entries, persons, in/out, decisions, health codes, fevers, open alerts",
            description = ROLES + " The range is widened to whole hours.")
    @APIResponse(responseCode = "200", description = "The totals", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Stats.Summary.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                    description = "One header row and one row of figures, one column per health code"))})
    public Response summary(@QueryParam("placeId") @Parameter(description = PLACE_DESCRIPTION) @NotNull(message = "is required") UUID placeId,
                            @QueryParam("from") @Parameter(description = TimeRange.FROM_DESCRIPTION)
                            @NotNull(message = TimeRange.REQUIRED) Instant from,
                            @QueryParam("to") @Parameter(description = TimeRange.TO_DESCRIPTION)
                            @NotNull(message = TimeRange.REQUIRED) Instant to,
                            @QueryParam("format") @Parameter(description = Csv.FORMAT_DESCRIPTION) Csv.Format format) {
        boolean csv = Csv.wanted(format, headers);
        Stats.Summary s = stats.summary(caller.forStatistics(), placeId, TimeRange.of(from, to));
        if (!csv) {
            return Response.ok(s, MediaType.APPLICATION_JSON).build();
        }
        List<String> header = new ArrayList<>(List.of("placeId", "from", "to", "entries", "persons", "in", "out",
                "admitted", "refused", "referred"));
        List<Object> row = new ArrayList<>(List.of(s.placeId(), s.from(), s.to(), s.entries(), s.persons(), s.in(), s.out(),
                s.admitted(), s.refused(), s.referred()));
        s.healthCodes().forEach((code, count) -> {
            header.add(code);
            row.add(count);
        });
        header.addAll(List.of("fevers", "openAlerts"));
        row.addAll(List.of(s.fevers(), s.openAlerts()));
        return Csv.response("summary", header, List.of(row));
    }

    @GET
    @Path("/series")
    @Operation(operationId = "getSeries",
            summary = "Time series below a place, by hour or by day (local midnight); split=children gives one per child place",
            description = ROLES + " The range is widened to whole hours or days.")
    @APIResponse(responseCode = "200", description = "The series", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Stats.Series.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                    description = "One row per place and hour or day"))})
    public Response series(@QueryParam("placeId") @Parameter(description = PLACE_DESCRIPTION) @NotNull(message = "is required") UUID placeId,
                           @QueryParam("from") @Parameter(description = TimeRange.FROM_DESCRIPTION)
                           @NotNull(message = TimeRange.REQUIRED) Instant from,
                           @QueryParam("to") @Parameter(description = TimeRange.TO_DESCRIPTION)
                           @NotNull(message = TimeRange.REQUIRED) Instant to,
                           @QueryParam("bucket") @Parameter(description = "hour (default) or day",
                                   schema = @Schema(type = SchemaType.STRING, enumeration = {"hour", "day"}))
                           StatsService.Bucket bucket,
                           @QueryParam("split") @Parameter(description = "children, for one series per child place") Split split,
                           @QueryParam("format") @Parameter(description = Csv.FORMAT_DESCRIPTION) Csv.Format format) {
        boolean csv = Csv.wanted(format, headers);
        Stats.Series s = stats.series(caller.forStatistics(), placeId, TimeRange.of(from, to),
                bucket == null ? StatsService.Bucket.HOUR : bucket, split != null);
        if (!csv) {
            return Response.ok(s, MediaType.APPLICATION_JSON).build();
        }
        List<List<?>> rows = new ArrayList<>();
        s.series().forEach(series -> series.points().forEach(p -> rows.add(List.of(series.placeId(), series.name(),
                p.start(), p.entries(), p.persons(), p.admitted(), p.refused(), p.referred(), p.fevers()))));
        return Csv.response("series", List.of("placeId", "name", "start", "entries", "persons", "admitted", "refused",
                "referred", "fevers"), rows);
    }
}
