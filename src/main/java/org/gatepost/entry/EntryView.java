package org.gatepost.entry;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An entry as stored. The visitor part (origin, purpose, name, phone, plate: personal data) is
 * shown only to the village's own people and admins, the phone only as its last four digits,
 * and none of it after the retention period.
 */
public record EntryView(
        UUID id, UUID checkpointId, OffsetDateTime occurredAt, OffsetDateTime receivedAt, Direction direction,
        boolean resident, int partySize, HealthCode healthCode, HealthCodeRead healthCodeRead, @Schema(nullable = true) BigDecimal temperature,
        boolean fever, Decision decision,
        @Schema(nullable = true, description = "Why not admitted, as a code (null for an admission)") RefusalReason reasonCode,
        @Schema(nullable = true, description = "Free text: the village's own people and admins only") String reason,
        @Schema(nullable = true) String note, @Schema(nullable = true) VisitorView visitor, UUID recordedBy, @Schema(nullable = true) UUID shiftId,
        boolean voided, @Schema(nullable = true) OffsetDateTime voidedAt, @Schema(nullable = true) UUID voidedBy, @Schema(nullable = true) String voidReason) {

    /** The visitor part; {@code phone} is masked to its last four digits. */
    public record VisitorView(@Schema(nullable = true) String origin, @Schema(nullable = true) String purpose, @Schema(nullable = true) String name,
                              @Schema(nullable = true, example = "*******5678") String phone, @Schema(nullable = true) String plate) {
    }
}
