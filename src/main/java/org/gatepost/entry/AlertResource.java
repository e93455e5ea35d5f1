package org.gatepost.entry;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatepost.caller.CurrentCaller;
import org.gatepost.caller.Role;
import org.gatepost.common.Cursor;
import org.gatepost.common.IfMatch;
import org.gatepost.common.Page;
import org.gatepost.common.Paging;

@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Alerts")
@RolesAllowed({Role.NAME_ADMIN, Role.NAME_OFFICIAL, Role.NAME_CADRE})
public class AlertResource {

    private static final Duration PING_EVERY = Duration.ofSeconds(20);
    private static final String SECONDS_RANGE = "must be a whole number from 1 to 3600";

    private final AlertService service;
    private final AlertSignals signals;
    private final CurrentCaller caller;

    AlertResource(AlertService service, AlertSignals signals, CurrentCaller caller) {
        this.service = service;
        this.signals = signals;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listAlerts",
            summary = "Alerts at or below a place (default: your home place), newest first; status=OPEN for open ones",
            description = "Roles: ADMIN, OFFICIAL, CADRE. Pages by cursor: pass nextCursor back as cursor.")
    public Page<AlertView> list(@QueryParam("placeId") @Parameter(description = "The place (default: your home place)") UUID placeId,
                                @QueryParam("status") @Parameter(description = "Only alerts with this status") Alert.Status status,
                                @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor,
                                @QueryParam("limit") @Parameter(description = Paging.LIMIT_DESCRIPTION)
                                @Min(value = 1, message = Paging.LIMIT_RANGE) @Max(value = Paging.MAX_LIMIT, message = Paging.LIMIT_RANGE)
                                Integer limit) {
        return service.list(caller.get(), placeId, status, Cursor.decodeTimed(cursor), Paging.limit(limit));
    }

    @GET
    @Path("/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(operationId = "streamAlertEvents", description = "Roles: ADMIN, OFFICIAL, CADRE.", summary = "Server-Sent Events: 'alerts' whenever alerts at or below a place (default: your home place) are raised "
            + "or closed, then read GET /alerts; 'ready' at the start and 'ping' every 20 s. Send the token as "
            + "'Authorization: Bearer', never in the address (a browser reads the stream with fetch). The stream ends "
            + "after 'seconds' (default 600, at most 3600); reconnect then")
    @APIResponse(responseCode = "200", description = "The stream", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
            schema = @Schema(implementation = AlertsChanged.class)))
    public Multi<OutboundSseEvent> events(@QueryParam("placeId") @Parameter(description = "The place (default: your home place)")
                                          UUID placeId,
                                          @QueryParam("seconds") @Parameter(description = "How long the stream lasts: 1 to 3600, default 600")
                                          @Min(value = 1, message = SECONDS_RANGE) @Max(value = 3600, message = SECONDS_RANGE)
                                          Integer seconds,
                                          @Context Sse sse) {
        int lifetime = seconds == null ? 600 : seconds;
        Set<UUID> villages = service.streamScope(caller.get(), placeId);
        Multi<OutboundSseEvent> changes = signals.in(villages).map(c -> sse.newEventBuilder().name("alerts")
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(AlertsChanged.class, c).build());
        Multi<OutboundSseEvent> pings = Multi.createFrom().ticks().every(PING_EVERY)
                .map(tick -> sse.newEventBuilder().name("ping").data("").build());
        return Multi.createBy().concatenating().streams(
                Multi.createFrom().item(sse.newEventBuilder().name("ready").reconnectDelay(3000).data("").build()),
                Multi.createBy().merging().streams(changes, pings).select().first(Duration.ofSeconds(lifetime)));
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(operationId = "acknowledgeAlert", summary = "Acknowledge an alert of your village, with a note of what was done",
            description = "Roles: ADMIN, CADRE. The body may be left out. If-Match with the alert's ETag refuses (412) a write "
                    + "to a newer version.")
    public AlertView acknowledge(@PathParam("id") UUID id,
                                 @HeaderParam("If-Match") @Parameter(description = IfMatch.DESCRIPTION) String ifMatch,
                                 @Valid AcknowledgeRequest request) {
        return service.acknowledge(caller.get(), id, request == null ? null : request.note(), IfMatch.parse(ifMatch));
    }
}
