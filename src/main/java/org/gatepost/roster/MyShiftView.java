package org.gatepost.roster;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A volunteer's own shift: where and when, where they stand on it, and the notes the
 * previous shift at that gate left for them, and who else is on the shift.
 */
public record MyShiftView(UUID id, UUID checkpointId, String checkpointName, OffsetDateTime startsAt,
                          OffsetDateTime endsAt, int minStaff, AssignmentStatus status, @Schema(nullable = true) OffsetDateTime checkedInAt,
                          @Schema(nullable = true) OffsetDateTime checkedOutAt, @Schema(nullable = true) String handoverNote, List<Handover> handoverFromPrevious,
                          List<Colleague> colleagues) {

    /** Someone else assigned to the same shift, and where they stand on it. */
    public record Colleague(String name, AssignmentStatus status) {
    }

    /** A note left at check-out for the next shift. */
    public record Handover(String name, @Schema(nullable = true) String note, OffsetDateTime at) {
    }
}
