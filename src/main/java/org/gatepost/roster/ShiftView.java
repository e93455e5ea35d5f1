package org.gatepost.roster;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.gatepost.common.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A shift with who is assigned and who checked in; times in the county's zone. */
public record ShiftView(UUID id, UUID checkpointId, String checkpointName, OffsetDateTime startsAt, OffsetDateTime endsAt,
                        int minStaff, List<AssignmentView> assignments, long version) implements Versioned {

    /** One volunteer on the shift. */
    public record AssignmentView(UUID volunteerId, String name, AssignmentStatus status, @Schema(nullable = true) OffsetDateTime checkedInAt,
                                 @Schema(nullable = true) OffsetDateTime checkedOutAt, @Schema(nullable = true) String handoverNote) {
    }
}
