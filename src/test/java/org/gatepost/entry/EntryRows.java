package org.gatepost.entry;

import java.util.UUID;

/** Stored entries copied into new rows for the insert, as the tests of the entry's statement need them. */
final class EntryRows {

    private EntryRows() {
    }

    /** Another entry like {@code row}: a new id, this party size and note, not tied to a shift and not voided. */
    static EntryRow copy(EntryRow row, UUID id, int partySize, String note) {
        return new EntryRow(id, row.countyId(), row.checkpointId(), row.villageId(), row.occurredAt(), row.occurredOffset(),
                row.receivedAt(), row.direction(), row.resident(), partySize, row.healthCode(), row.healthCodeRead(),
                row.temperature(), row.fever(), row.decision(), row.reasonCode(), row.reason(), note,
                row.visitorOrigin(), row.visitorPurpose(), row.visitorName(), row.visitorPhoneLast4(), row.visitorPhoneHash(),
                row.visitorPlate(), row.contentHash(), row.contentDigestVersion(), row.recordedBy(), null, null, null, null,
                row.passHouseholdId(), row.passSerial());
    }
}
