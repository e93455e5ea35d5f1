package org.gatepost.entry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An entry as stored: one component per column of {@code entry}, named alike (see
 * {@link RecordColumns}). Written by the insert and read back by every query, so a new
 * column is one new component here, and one new attribute of {@code entry_input} if the insert
 * writes it (EntryInputTypeTest says which).
 */
record EntryRow(UUID id, UUID countyId, UUID checkpointId, UUID villageId, Instant occurredAt, int occurredOffset, Instant receivedAt,
                Direction direction, boolean resident, int partySize, HealthCode healthCode, HealthCodeRead healthCodeRead,
                BigDecimal temperature, boolean fever, Decision decision, RefusalReason reasonCode, String reason,
                String note, String visitorOrigin, String visitorPurpose, String visitorName, String visitorPhoneLast4,
                byte[] visitorPhoneHash, String visitorPlate, byte[] contentHash, int contentDigestVersion,
                UUID recordedBy, UUID shiftId, Instant voidedAt, UUID voidedBy, String voidReason,
                UUID passHouseholdId, Integer passSerial) {

    /** The same row tied to the shift its recorder was checked in to (found by the insert). */
    EntryRow withShift(UUID shift) {
        return new EntryRow(id, countyId, checkpointId, villageId, occurredAt, occurredOffset, receivedAt, direction, resident,
                partySize, healthCode, healthCodeRead, temperature, fever, decision, reasonCode, reason, note,
                visitorOrigin, visitorPurpose, visitorName, visitorPhoneLast4, visitorPhoneHash, visitorPlate, contentHash,
                contentDigestVersion, recordedBy, shift, voidedAt, voidedBy, voidReason, passHouseholdId, passSerial);
    }
}
