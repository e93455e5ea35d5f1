package org.gatepost.entry;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatepost.caller.CurrentCaller;
import org.gatepost.caller.Role;
import org.gatepost.common.Cursor;
import org.gatepost.common.GatepostConfig;
import org.gatepost.common.Ids;
import org.gatepost.common.Page;
import org.gatepost.common.Paging;
import org.gatepost.common.ProblemException;
import org.gatepost.common.ProblemMapper;
import org.gatepost.common.TimeRange;

@Path("/api/v1/entries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Entries", description = "Each passage at a gate: health code, temperature, decision")
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
    @Operation(summary = "Record one entry at a gate of your village; sending it again answers 200 with the stored entry")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "200", description = "Already recorded (same id, same content): nothing changed")
    public Response record(@NotNull @Valid EntryRequest request) {
        EntryService.Outcome outcome = service.record(caller.get(), List.of(new EntryService.Item(request.id(), request, null)))
                .get(0);
        return switch (outcome.status()) {
            case CREATED -> Response.created(URI.create("/api/v1/entries/" + request.id())).entity(outcome.view()).build();
            case DUPLICATE -> Response.ok(outcome.view()).build();
            case CONFLICT, REJECTED -> throw new ProblemException(outcome.problem(), java.util.Map.of());
        };
    }

    @POST
    @Path("/batch")
    @RolesAllowed({Role.NAME_VOLUNTEER, Role.NAME_CADRE})
    @Operation(summary = "Record up to 500 entries from an offline queue; answers each one's outcome in order")
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
    @Operation(summary = "Entries at the gates at or below a place, newest first (keyset pages); optionally of one decision or health code")
    public Page<EntryView> list(@QueryParam("placeId") String placeId, @QueryParam("from") String from,
                                @QueryParam("to") String to, @QueryParam("visitorPhone") String visitorPhone,
                                @QueryParam("decision") @Parameter(description = "ADMITTED, REFUSED or REFERRED") String decision,
                                @QueryParam("healthCode") @Parameter(description = "GREEN, YELLOW, RED, NO_PHONE, UNREADABLE or PAPER_PASS")
                                String healthCode,
                                @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        java.time.Instant start = TimeRange.instant("from", from, config.timeZone());
        java.time.Instant end = TimeRange.instant("to", to, config.timeZone());
        if (start != null && end != null && !end.isAfter(start)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        if (visitorPhone != null) {
            throw ProblemException.invalid("visitorPhone",
                    "phone numbers never go in a URL: POST /api/v1/entries/visitor-search with {\"visitorPhone\": ...}");
        }
        return service.list(caller.get(), Ids.require("placeId", placeId), start, end, null,
                option("decision", decision, Decision.class), option("healthCode", healthCode, HealthCode.class),
                Cursor.decodeTimed(cursor), Paging.limit(limit));
    }

    @POST
    @Path("/visitor-search")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE, Role.NAME_VOLUNTEER})
    @Operation(summary = "A repeat visitor's entries in your village, newest first; the phone number travels in the body")
    public Page<EntryView> visitorSearch(@NotNull @Valid VisitorSearchRequest request) {
        java.time.Instant start = TimeRange.instant("from", request.from(), config.timeZone());
        java.time.Instant end = TimeRange.instant("to", request.to(), config.timeZone());
        if (start != null && end != null && !end.isAfter(start)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        return service.visitorSearch(caller.get(), request.placeId(), start, end, request.visitorPhone(),
                Cursor.decodeTimed(request.cursor()), request.limit() == null ? Paging.limit(null) : request.limit());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One entry in your area")
    public EntryView get(@PathParam("id") UUID id) {
        return service.get(caller.get(), id);
    }

    @POST
    @Path("/{id}/void")
    @RolesAllowed({Role.NAME_ADMIN, Role.NAME_CADRE})
    @Operation(summary = "Void a mistaken entry (the village's cadre): it leaves all counts; who, when and why are kept")
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

    /** An optional filter naming one value of an enum. */
    private static <E extends Enum<E>> E option(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
