package org.gatepost.roster;

import java.time.Instant;

/** Where a volunteer's assignment stands, derived from check-in, check-out and the clock. */
public enum AssignmentStatus {
    ASSIGNED, ON_DUTY, DONE, NO_SHOW;

    static AssignmentStatus of(Instant checkedInAt, Instant checkedOutAt, Instant shiftEnd, Instant now) {
        if (checkedOutAt != null) {
            return DONE;
        }
        if (checkedInAt != null) {
            return now.isBefore(shiftEnd) ? ON_DUTY : DONE;
        }
        return now.isBefore(shiftEnd) ? ASSIGNED : NO_SHOW;
    }
}
