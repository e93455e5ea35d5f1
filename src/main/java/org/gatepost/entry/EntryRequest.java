package org.gatepost.entry;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry as the phone sends it; its id is made on the phone. */
public record EntryRequest(
        @NotNull @Schema(description = "Made on the phone (UUID); sending it again is recognised as the same entry") UUID id,
        @NotNull UUID checkpointId,
        @NotNull @Schema(description = "When it happened, on the phone's clock, with offset", example = "2020-02-12T08:30:00+08:00")
        OffsetDateTime occurredAt,
        @NotNull Direction direction,
        @NotNull Boolean resident,
        @NotNull @Min(1) @Max(20) @Schema(description = "People in the household or car") Integer partySize,
        @NotNull HealthCode healthCode,
        @NotNull HealthCodeRead healthCodeRead,
        @Digits(integer = 2, fraction = 3, message = "must be a body temperature in °C, such as 36.5")
        @Schema(description = "Body temperature in °C, one decimal", example = "36.5") BigDecimal temperature,
        @NotNull Decision decision,
        @Schema(description = "Why someone was not admitted, as a code; when not given, derived from the code and the "
                + "temperature (RED_CODE, FEVER, YELLOW_CODE, NO_HEALTH_CODE, else OTHER). Never with ADMITTED")
        RefusalReason reasonCode,
        @Schema(description = "Free text, personal: shown to the village's own people only, erased after the retention period")
        @Size(max = 200) String reason,
        @Size(max = 500) String note,
        @Valid Visitor visitor,
        @Valid @Schema(description = "The household pass the entry was made from (scanned at the gate); counts as an "
                + "outing of the household when the direction is OUT") PassRef pass) {

    /** A household's pass: the household and the serial of the pass scanned. */
    public record PassRef(@NotNull UUID householdId, @NotNull @Min(1) Integer serial) {
    }

    /** Where a visitor comes from and why; name, phone and plate if they give them. */
    public record Visitor(@Size(max = 100) String origin, @Size(max = 200) String purpose, @Size(max = 100) String name,
                          @Size(max = 32) String phone, @Size(max = 20) String plate) {
    }
}
