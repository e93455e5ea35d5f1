package org.gatepost.trust;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gatepost.household.OutingLimit;
import org.gatepost.household.PassRepository;

/** What a phone needs to verify passes with no network: keys, revoked serials, limits, its village's households. */
public record TrustData(
        OffsetDateTime generatedAt,
        @Schema(description = "A JWK set: the current key first, then earlier keys still valid for verification") Keys keys,
        @Schema(description = "Serials revoked before they expired, of passes not yet expired") List<PassRepository.Revoked> revoked,
        List<Village> villages,
        @Schema(description = "The caller's own village only (volunteers and cadres); no personal data") List<Household> households) {

    public record Keys(List<Map<String, Object>> keys) {
    }

    public record Village(UUID villageId, String name, OutingLimitView outingLimit) {
    }

    public record OutingLimitView(int outings, int days, LocalDate since) {

        static OutingLimitView of(OutingLimit limit) {
            return limit == null ? null : new OutingLimitView(limit.outings(), limit.days(), limit.since());
        }
    }

    public record Household(UUID householdId, UUID villageId, String label,
                            @Schema(description = "The live pass's serial; null when none") Integer serial,
                            Integer outingsInPeriod, LocalDate periodStart, LocalDate periodEnd) {
    }

    /** The same data at another moment: what the ETag is made of. */
    TrustData timeless() {
        return new TrustData(null, keys, revoked, villages, households);
    }
}
