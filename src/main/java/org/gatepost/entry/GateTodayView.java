package org.gatepost.entry;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Today's counts at one gate (the county's local day), and how many of them the caller recorded. */
@Schema(name = "GateToday")
public record GateTodayView(UUID checkpointId, String checkpointName, LocalDate day, long entries, long persons,
                            long admitted, long refused, long referred, long fevers,
                            @Schema(description = "Entries the caller recorded here today") long mine) {
}
