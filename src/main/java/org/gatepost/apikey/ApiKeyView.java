package org.gatepost.apikey;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gatepost.common.Versioned;

/** A key as listed; {@code key} is present only in the answer that created it. */
public record ApiKeyView(@Schema(required = true) UUID id, @Schema(required = true) String name,
                         @Schema(required = true) UUID placeId, @Schema(required = true) OffsetDateTime createdAt,
                         @Schema(required = true) OffsetDateTime expiresAt, @Schema(required = true) boolean revoked,
                         @JsonInclude(JsonInclude.Include.NON_NULL)
                         @Schema(description = "The secret, shown this once: send it as 'Authorization: Bearer <key>'")
                         String key,
                         @Schema(required = true) long version) implements Versioned {
}
