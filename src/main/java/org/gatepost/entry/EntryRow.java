package org.gatepost.entry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An entry checked and normalised, ready to be written; hashes are hex strings. */
record EntryRow(UUID id, UUID checkpointId, UUID villageId, Instant occurredAt, int occurredOffset, Direction direction,
                boolean resident, int partySize, HealthCode healthCode, HealthCodeRead healthCodeRead,
                BigDecimal temperature, boolean fever, Decision decision, RefusalReason reasonCode, String reason, String note,
                String visitorOrigin, String visitorPurpose, String visitorName, String visitorPhoneLast4,
                String visitorPhoneHash, String visitorPlate, String contentHash, AlertKind alertKind) {
}
