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

    @Schema(name = "TrustDataKeys", description = "A JWK set (RFC 7517): EC P-256 public keys with their kid")
    public record Keys(List<Map<String, Object>> keys) {
    }

    @Schema(name = "TrustDataVillage")
    public record Village(UUID villageId, String name,
                          @Schema(nullable = true, description = "null when the village has none") OutingLimitView outingLimit) {
    }

    @Schema(name = "TrustDataOutingLimit")
    public record OutingLimitView(int outings, int days, LocalDate since) {

        static OutingLimitView of(OutingLimit limit) {
            return limit == null ? null : new OutingLimitView(limit.outings(), limit.days(), limit.since());
        }
    }

    @Schema(name = "TrustDataHousehold")
    public record Household(UUID householdId, UUID villageId, String label,
                            @Schema(nullable = true, description = "The live pass's serial; null when none") Integer serial,
                            @Schema(nullable = true, description = "OUT entries in the current period; null without an outing limit")
                            Integer outingsInPeriod,
                            @Schema(nullable = true, description = "First day of the current period; null without an outing limit")
                            LocalDate periodStart,
                            @Schema(nullable = true, description = "Last day of the current period; null without an outing limit")
                            LocalDate periodEnd) {
    }

    /** The same data at another moment: what the ETag is made of. */
    TrustData timeless() {
        return new TrustData(null, keys, revoked, villages, households);
    }
}
