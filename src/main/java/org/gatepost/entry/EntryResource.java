package org.gatepost.entry;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatepost.caller.CurrentCaller;
import org.gatepost.caller.Role;
import org.gatepost.common.Cursor;
import org.gatepost.common.Page;
import org.gatepost.common.GatepostConfig;
import org.gatepost.common.Paging;
import org.gatepost.common.ProblemException;
import org.gatepost.common.ProblemMapper;
import org.gatepost.common.TimeRange;

@Path("/api/v1/entries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Entries")
@Authenticated
public class EntryResource {

    private final EntryService service;
    private final CurrentCaller caller;
    private final ObjectMapper json;
    private final Validator validator;
    private final GatepostConfig config;
    private final IngestMetrics metrics;

    EntryResource(EntryService service, CurrentCaller caller, ObjectMapper json, Validator validator, GatepostConfig config,
                  IngestMetrics metrics) {
        this.metrics = metrics;
        this.service = service;
        this.caller = caller;
        this.json = json;
        this.validator = validator;
        this.config = config;
    }

    @POST
    @RolesAllowed({Role.NAME_VOLUNTEER, Role.NAME_CADRE})
    @Operation(operationId = "recordEntry",
            summary = "Record one entry at a gate of your village; sending it again answers 200 with the stored entry",
            description = "Roles: VOLUNTEER, CADRE (a gate of their village). The client chooses the id, so that a retry "
                    + "never records twice; the same id with other content is a 409.")
    @APIResponse(responseCode = "201", description = "Recorded",
            headers = @Header(name = "Location", description = "The entry's address",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntryView.class)))
    @APIResponse(responseCode = "200", description = "Already recorded (same id, same content): nothing changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EntryView.class)))
    public RestResponse<EntryView> record(@NotNull @Valid EntryRequest request) {
        EntryService.Outcome outcome = service.record(caller.get(), List.of(new EntryService.Item(request.id(), request, null)))
                .get(0);
        // RestResponse, not Response: its entity's type is known when the application is built,
        // so the JSON writer is chosen then rather than looked up on every request.
        return switch (outcome.status()) {
            case CREATED -> RestResponse.ResponseBuilder.<EntryView>created(URI.create("/api/v1/entries/" + request.id()))
                    .entity(outcome.view()).build();
            case DUPLICATE -> RestResponse.ok(outcome.view());
            case CONFLICT, REJECTED -> throw new ProblemException(outcome.problem(), java.util.Map.of());
        };
    }

    @POST
    @Path("/batch")
    @RolesAllowed({Role.NAME_VOLUNTEER, Role.NAME_CADRE})
    @Operation(operationId = "recordEntryBatch",
            summary = "Record up to 500 entries from an offline queue; answers each one's outcome in order",
            description = "Roles: VOLUNTEER, CADRE. One bad entry is refused alone: its result carries its problem.")
    public BatchResponse batch(@NotNull @Valid BatchRequest request) {
        metrics.batch(request.entries().size());
        List<EntryService.Item> items = new ArrayList<>(request.entries().size());
        for (JsonNode node : request.entries()) {
            items.add(read(node));
        }
        List<EntryService.Outcome> outcomes = service.record(caller.get(), items);
        return new BatchResponse(outcomes.stream()
                .map(o -> new BatchResponse.Result(o.id(), o.status(), o.problem())).toList());
    }

    @GET
    @Operation(operationId = "listEntries",
            summary = "Entries at the gates at or below a place, newest first (keyset pages); optionally of one decision or health code",
            description = "Roles: any signed-in account, in their area. Pages by cursor: pass nextCursor back as cursor. "
                    + "A visitor's phone number never goes in the address: see searchVisitorEntries.")
    public Page<EntryView> list(@QueryParam("placeId") @Parameter(description = "The place whose gates' entries to list")
                                @NotNull(message = "is required") UUID placeId,
                                @QueryParam("from") @Parameter(description = "Start, included: an instant with offset or a date")
                                Instant from,
                                @QueryParam("to") @Parameter(description = "End, excluded: an instant with offset or a date")
                                Instant to,
                                @QueryParam("decision") @Parameter(description = "Only entries with this decision") Decision decision,
                                @QueryParam("healthCode") @Parameter(description = "Only entries with this health code")
                                HealthCode healthCode,
                                @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor,
                                @QueryParam("limit") @Parameter(description = Paging.LIMIT_DESCRIPTION)
                                @Min(value = 1, message = Paging.LIMIT_RANGE) @Max(value = Paging.MAX_LIMIT, message = Paging.LIMIT_RANGE)
                                Integer limit,
                                @QueryParam("visitorPhone") @Parameter(hidden = true) String visitorPhone) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        if (visitorPhone != null) {
            // Addresses end up in logs and browser histories.
            throw ProblemException.invalid("visitorPhone",
                    "phone numbers never go in a URL: POST /api/v1/entries/visitor-search with {\"visitorPhone\": ...}");
        }
        return service.list(caller.get(), placeId, from, to, null, decision, healthCode, Cursor.decodeTimed(cursor),
                Paging.limit(limit));
    }

    @POST
    @Path("/visitor-search")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE, Role.NAME_VOLUNTEER})
    @Operation(operationId = "searchVisitorEntries",
            summary = "A repeat visitor's entries in your village, newest first; the phone number travels in the body",
            description = "Roles: ADMIN, CADRE, VOLUNTEER.")
    public Page<EntryView> visitorSearch(@NotNull @Valid VisitorSearchRequest request) {
        java.time.Instant start = TimeRange.instant("from", request.from(), config.timeZone());
        java.time.Instant end = TimeRange.instant("to", request.to(), config.timeZone());
        if (start != null && end != null && !end.isAfter(start)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        return service.visitorSearch(caller.get(), request.placeId(), start, end, request.visitorPhone(),
                Cursor.decodeTimed(request.cursor()), Paging.limit(request.limit()));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getEntry", summary = "One entry in your area",
            description = "Roles: any signed-in account, in their area.")
    public EntryView get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id);
    }

    @POST
    @Path("/{id}/void")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(operationId = "voidEntry",
            summary = "Void a mistaken entry (the village's cadre): it leaves all counts; who, when and why are kept",
            description = "Roles: ADMIN, CADRE.")
    public EntryView voidEntry(@PathParam("id") UUID id, @NotNull @Valid VoidRequest request) {
        return service.voidEntry(caller.get(), id, request.reason());
    }

    /** One batch item: readable and valid, or the problem that rejects it alone. */
    private EntryService.Item read(JsonNode node) {
        UUID id = null;
        try {
            id = UUID.fromString(node.path("id").asText());
        } catch (IllegalArgumentException e) {
            // reported with the item's problem below
        }
        EntryRequest request;
        try {
            request = json.treeToValue(node, EntryRequest.class);
        } catch (JsonProcessingException e) {
            return new EntryService.Item(id, null, ProblemMapper.unreadableJson(e));
        } catch (IllegalArgumentException e) {
            return new EntryService.Item(id, null, ProblemException.invalid("body", "each entry must be a JSON object").problem());
        }
        if (request == null) {
            return new EntryService.Item(id, null, ProblemException.invalid("body", "each entry must be a JSON object").problem());
        }
        Set<ConstraintViolation<EntryRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return new EntryService.Item(id, null, ProblemMapper.invalidFields(violations));
        }
        return new EntryService.Item(request.id(), request, null);
    }
}
