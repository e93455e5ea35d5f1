package org.gatepost.audit;

import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatepost.common.Cursor;
import org.gatepost.common.Page;
import org.gatepost.common.Paging;
import org.gatepost.common.ProblemException;
import org.gatepost.common.TimeRange;

@Path("/api/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit log")
@RolesAllowed("ADMIN") // Role.NAME_ADMIN; a literal keeps audit/ free of account/
public class AuditResource {

    private static final Duration DEFAULT_SPAN = Duration.ofDays(7);

    private final AuditService service;

    AuditResource(AuditService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listAuditEvents", summary = "Security events, newest first (keyset pages); by default the last 7 days",
            description = "Roles: ADMIN. Pages by cursor: pass nextCursor back as cursor.")
    public Page<AuditEventView> list(@QueryParam("from") @Parameter(description = "Start, included (default: 7 days before to); "
                                             + "an instant with offset or a date") Instant from,
                                     @QueryParam("to") @Parameter(description = "End, excluded (default: now); an instant "
                                             + "with offset or a date") Instant to,
                                     @QueryParam("kind") @Parameter(description = "Only events of this kind") AuditKind kind,
                                     @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor,
                                     @QueryParam("limit") @Parameter(description = Paging.LIMIT_DESCRIPTION)
                                     @Min(value = 1, message = Paging.LIMIT_RANGE) @Max(value = Paging.MAX_LIMIT, message = Paging.LIMIT_RANGE)
                                     Integer limit) {
        Instant end = to == null ? Instant.now().plusSeconds(1) : to;
        Instant start = from == null ? end.minus(DEFAULT_SPAN) : from;
        if (!end.isAfter(start)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(TimeRange.LONGEST) > 0) {
            throw ProblemException.invalid("to", "at most " + TimeRange.LONGEST.toDays() + " days after from");
        }
        return service.page(start, end, kind, Cursor.decodeTimed(cursor), Paging.limit(limit));
    }
}
