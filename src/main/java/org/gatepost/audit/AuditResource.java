package org.gatepost.audit;

import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.gatepost.common.Cursor;
import org.gatepost.common.GatepostConfig;
import org.gatepost.common.Page;
import org.gatepost.common.Paging;
import org.gatepost.common.ProblemException;
import org.gatepost.common.TimeRange;

@Path("/api/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit log", description = "Security events, for administrators")
@RolesAllowed("ADMIN") // Role.NAME_ADMIN; a literal keeps audit/ free of account/
public class AuditResource {

    private static final Duration DEFAULT_SPAN = Duration.ofDays(7);

    private final AuditService service;
    private final GatepostConfig config;

    AuditResource(AuditService service, GatepostConfig config) {
        this.service = service;
        this.config = config;
    }

    @GET
    @Operation(summary = "Security events, newest first (keyset pages); by default the last 7 days")
    public Page<AuditEventView> list(@QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("kind") String kind, @QueryParam("cursor") String cursor,
                                     @QueryParam("limit") String limit) {
        Instant end = TimeRange.instant("to", to, config.timeZone());
        Instant start = TimeRange.instant("from", from, config.timeZone());
        end = end == null ? Instant.now().plusSeconds(1) : end;
        start = start == null ? end.minus(DEFAULT_SPAN) : start;
        if (!end.isAfter(start)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(TimeRange.LONGEST) > 0) {
            throw ProblemException.invalid("to", "at most " + TimeRange.LONGEST.toDays() + " days after from");
        }
        return service.page(start, end, kind(kind), Cursor.decodeTimed(cursor), Paging.limit(limit));
    }

    private static AuditKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return AuditKind.valueOf(kind.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("kind", "must be one of " + java.util.Arrays.toString(AuditKind.values()));
        }
    }
}
