package org.gatepost.entry;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gatepost.account.Phones;
import org.gatepost.common.TimeRange;

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

    /**
     * The entry as a reader sees it: with {@code personal} false (officials above the
     * village) without the visitor part and the free texts. Times in the county's zone, the
     * moment it happened with the phone's own offset.
     */
    static EntryView of(EntryRow e, boolean personal, ZoneId zone) {
        VisitorView visitor = e.resident() || !personal ? null : new VisitorView(e.visitorOrigin(), e.visitorPurpose(),
                e.visitorName(), e.visitorPhoneLast4() == null ? null : Phones.maskLast4(e.visitorPhoneLast4()),
                e.visitorPlate());
        return new EntryView(e.id(), e.checkpointId(), e.occurredAt().atOffset(ZoneOffset.ofTotalSeconds(e.occurredOffset())),
                TimeRange.local(e.receivedAt(), zone), e.direction(), e.resident(), e.partySize(), e.healthCode(),
                e.healthCodeRead(), e.temperature(), e.fever(), e.decision(), e.reasonCode(), personal ? e.reason() : null,
                personal ? e.note() : null, visitor, e.recordedBy(), e.shiftId(), e.voidedAt() != null,
                TimeRange.local(e.voidedAt(), zone), e.voidedBy(), e.voidReason());
    }

    /** The visitor part; {@code phone} is masked to its last four digits. */
    public record VisitorView(String origin, String purpose, String name,
                              @Schema(example = "*******5678") String phone, String plate) {
    }
}
