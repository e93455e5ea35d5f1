package org.gatepost.roster;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What clients send to the roster endpoints. */
public final class ShiftRequests {

    private ShiftRequests() {
    }

    /** Generate shifts from the templates for the days from {@code from} up to, not including, {@code to}. */
    @Schema(name = "GenerateRosterRequest")
    public record Generate(@NotNull LocalDate from, @NotNull LocalDate to) {
    }

    @Schema(name = "CreateShiftRequest")
    public record Create(@NotNull UUID checkpointId, @NotNull OffsetDateTime startsAt, @NotNull OffsetDateTime endsAt,
                         @NotNull @Min(0) @Max(50) Integer minStaff) {
    }

    /** Absent fields stay as they are. */
    @Schema(name = "UpdateShiftRequest")
    public record Update(OffsetDateTime startsAt, OffsetDateTime endsAt, @Min(0) @Max(50) Integer minStaff) {
    }

    @Schema(name = "CheckOutRequest")
    public record CheckOut(@Size(max = 500) String handoverNote) {
    }

    /** How many shifts a generation made. */
    @Schema(name = "GeneratedRoster")
    public record Generated(int created) {
    }
}
