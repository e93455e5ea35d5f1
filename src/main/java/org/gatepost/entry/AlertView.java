package org.gatepost.entry;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.gatepost.common.Versioned;

/** An alert as the API shows it; {@code placeId} is the checkpoint where it was raised. */
public record AlertView(UUID id, UUID entryId, UUID placeId, AlertKind kind, OffsetDateTime raisedAt, Alert.Status status,
                        UUID acknowledgedBy, OffsetDateTime acknowledgedAt, String note, long version)
        implements Versioned {
}
