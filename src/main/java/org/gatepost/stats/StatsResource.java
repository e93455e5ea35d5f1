package org.gatepost.stats;

import java.util.ArrayList;
import java.util.List;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatepost.caller.CurrentCaller;
import org.gatepost.caller.Role;
import org.gatepost.common.Csv;
import org.gatepost.common.GatepostConfig;
import org.gatepost.common.Ids;
import org.gatepost.common.ProblemException;
import org.gatepost.common.TimeRange;

/**
 * Every statistics endpoint, for officials, cadres and dashboard API keys, each in its own
 * subtree. Each answers JSON, or CSV for spreadsheets ({@code Accept: text/csv} or {@code format=csv}).
 */
@Path("/api/v1/stats")
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
@Tag(name = "Statistics")
@RolesAllowed({Role.NAME_ADMIN, Role.NAME_OFFICIAL, Role.NAME_CADRE, Role.NAME_DASHBOARD})
public class StatsResource {

    private final StatsService stats;
    private final CurrentCaller caller;
    private final GatepostConfig config;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    StatsResource(StatsService stats, CurrentCaller caller, GatepostConfig config) {
        this.stats = stats;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Path("/summary")
    @Operation(summary = "Totals below a place over [from, to): entries, persons, in/out, decisions, health codes, fevers, open alerts")
    @APIResponse(responseCode = "200", description = "The totals", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Stats.Summary.class)),
            @Content(mediaType = Csv.MEDIA_TYPE)})
    public Response summary(@QueryParam("placeId") String placeId, @QueryParam("from") String from,
                            @QueryParam("to") String to, @QueryParam("format") @Parameter(description = "json or csv") String format) {
        boolean csv = Csv.wanted(format, headers);
        Stats.Summary s = stats.summary(caller.forStatistics(), Ids.require("placeId", placeId), range(from, to));
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
    @Operation(summary = "Time series below a place, by hour or by day (local midnight); split=children gives one per child place")
    @APIResponse(responseCode = "200", description = "The series", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Stats.Series.class)),
            @Content(mediaType = Csv.MEDIA_TYPE)})
    public Response series(@QueryParam("placeId") String placeId, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("bucket") @Parameter(description = "hour or day") String bucket,
                           @QueryParam("split") @Parameter(description = "children, to split into child places") String split,
                           @QueryParam("format") String format) {
        boolean csv = Csv.wanted(format, headers);
        if (split != null && !split.isBlank() && !split.trim().equals("children")) {
            throw ProblemException.invalid("split", "must be children, or left out");
        }
        Stats.Series s = stats.series(caller.forStatistics(), Ids.require("placeId", placeId), range(from, to),
                StatsService.Bucket.parse(bucket), split != null && !split.isBlank());
        if (!csv) {
            return Response.ok(s, MediaType.APPLICATION_JSON).build();
        }
        List<List<?>> rows = new ArrayList<>();
        s.series().forEach(series -> series.points().forEach(p -> rows.add(List.of(series.placeId(), series.name(),
                p.start(), p.entries(), p.persons(), p.admitted(), p.refused(), p.referred(), p.fevers()))));
        return Csv.response("series", List.of("placeId", "name", "start", "entries", "persons", "admitted", "refused",
                "referred", "fevers"), rows);
    }

    private TimeRange range(String from, String to) {
        return TimeRange.parse(from, to, config.timeZone());
    }

}
