package org.gatepost.entry;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.gatepost.common.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An alert as the API shows it; {@code placeId} is the checkpoint where it was raised. */
public record AlertView(UUID id, UUID entryId, UUID placeId, AlertKind kind, OffsetDateTime raisedAt, Alert.Status status,
                        @Schema(nullable = true) UUID acknowledgedBy, @Schema(nullable = true) OffsetDateTime acknowledgedAt, @Schema(nullable = true) String note, long version)
        implements Versioned {
}
