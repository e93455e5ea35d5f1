package org.gatepost.entry;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The rule at the gate as the server applies it, so that the app proposes the same decision
 * and never hard-codes a threshold.
 */
@Schema(name = "GateRule")
public record GateRuleView(
        @Schema(description = "°C at or above which a temperature is a fever", example = "37.3") BigDecimal feverThreshold,
        @Schema(description = "Lowest plausible body temperature, °C", example = "34.0") BigDecimal lowestTemperature,
        @Schema(description = "Highest plausible body temperature, °C", example = "43.0") BigDecimal highestTemperature,
        @Schema(description = "Health codes that are never admitted") List<HealthCode> neverAdmitted,
        @Schema(description = "Health codes admitted only with a temperature taken") List<HealthCode> admittedOnlyWithTemperature,
        @Schema(description = "How far ahead of the server's clock an entry may lie, in seconds", example = "300")
        long futureToleranceSeconds,
        @Schema(description = "How old an entry may be when it arrives, in days (the retention period)", example = "28")
        long retentionDays,
        @Schema(description = "The county's time zone, in which days and clock times are shown", example = "Asia/Shanghai")
        String timeZone) {
}
