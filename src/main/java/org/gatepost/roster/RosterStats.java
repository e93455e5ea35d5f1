package org.gatepost.roster;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gatepost.stats.Stats;

/** The roster's figures for dashboards: coverage now, shifts short of staff, service hours. */
public final class RosterStats {

    private RosterStats() {
    }

    /** Who stands at every gate below a place at one moment. */
    @Schema(name = "Coverage")
    public record Coverage(OffsetDateTime at, List<CheckpointCoverage> checkpoints,
                           @Schema(nullable = true, description = Stats.AS_OF) OffsetDateTime asOf,
                           @Schema(description = Stats.BEHIND) long behindSeconds) {
    }

    /**
     * One gate at that moment. {@code status} counts volunteers on duty for a moment that has
     * come, and volunteers assigned for one still ahead.
     */
    public record CheckpointCoverage(UUID checkpointId, String name, @Schema(nullable = true) UUID shiftId,
                                     @Schema(nullable = true) OffsetDateTime startsAt, @Schema(nullable = true) OffsetDateTime endsAt,
                                     @Schema(nullable = true) Integer minStaff, int assigned, int onDuty,
                                     CoverageStatus status) {
    }

    public enum CoverageStatus {
        OK, UNDERSTAFFED, UNSTAFFED, NO_SHIFT
    }

    /**
     * A shift below its minimum: for a shift that has begun, counting those who checked in;
     * for one ahead, those assigned.
     */
    public record UnderstaffedShift(UUID shiftId, UUID checkpointId, String checkpointName, OffsetDateTime startsAt,
                                    OffsetDateTime endsAt, int minStaff, int assigned, int checkedIn, int missing) {
    }

    /** Service hours, counted from check-in to check-out (or the shift's end, if earlier or never checked out). */
    public record VolunteerHours(List<Volunteer> volunteers, List<Team> teams) {
    }

    @Schema(name = "VolunteerHoursOfVolunteer")
    public record Volunteer(UUID accountId, String name, @Schema(nullable = true) UUID teamId, int shifts, BigDecimal hours) {
    }

    @Schema(name = "VolunteerHoursOfTeam")
    public record Team(UUID teamId, String name, BigDecimal hours) {
    }
}
