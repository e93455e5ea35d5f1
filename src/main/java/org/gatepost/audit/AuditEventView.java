package org.gatepost.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One security event as an administrator reads it. */
@Schema(name = "AuditEvent")
public record AuditEventView(UUID id, OffsetDateTime at, AuditKind kind, UUID actorId, String actorRole,
                             String subjectType, UUID subjectId,
                             @Schema(description = "The client's address as the server saw it") String client,
                             String detail) {
}
