package org.gatepost.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One security event as an administrator reads it. */
@Schema(name = "AuditEvent")
public record AuditEventView(UUID id, OffsetDateTime at, AuditKind kind, @Schema(nullable = true) UUID actorId, @Schema(nullable = true) String actorRole,
                             @Schema(nullable = true) String subjectType, @Schema(nullable = true) UUID subjectId,
                             @Schema(nullable = true, description = "The client's address as the server saw it") String client,
                             @Schema(nullable = true) String detail) {
}
