package org.gatepost.household;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gatepost.common.Versioned;

/** A household as its village's cadre sees it, with its outings in the current period and its live pass. */
public record HouseholdView(
        UUID id, UUID villageId, String label, String head, List<String> members,
        @Schema(nullable = true, description = "E.164 (null when none); masked to its last four digits for anyone but the village's cadre and admins")
        String phone,
        long version,
        @Schema(nullable = true, description = "OUT entries made from its passes in the current period; null without an outing limit")
        Integer outingsInPeriod,
        @Schema(nullable = true, description = "First day of the current period (inclusive); null without an outing limit") LocalDate periodStart,
        @Schema(nullable = true, description = "Last day of the current period (inclusive); null without an outing limit") LocalDate periodEnd,
        @Schema(nullable = true, description = "The live pass; null when none was issued or the last one was revoked") PassSummary pass)
        implements Versioned {

    @Schema(name = "HouseholdPass")
    public record PassSummary(int serial, OffsetDateTime issuedAt, OffsetDateTime expiresAt, boolean revoked) {
    }
}
