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
        boolean resident, int partySize, HealthCode healthCode, HealthCodeRead healthCodeRead, BigDecimal temperature,
        boolean fever, Decision decision,
        @Schema(description = "Why not admitted, as a code (null for an admission)") RefusalReason reasonCode,
        @Schema(description = "Free text: the village's own people and admins only") String reason,
        String note, VisitorView visitor, UUID recordedBy, UUID shiftId,
        boolean voided, OffsetDateTime voidedAt, UUID voidedBy, String voidReason) {

    /** The visitor part; {@code phone} is masked to its last four digits. */
    public record VisitorView(String origin, String purpose, String name,
                              @Schema(example = "*******5678") String phone, String plate) {
    }
}
