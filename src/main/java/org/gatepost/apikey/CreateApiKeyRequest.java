package org.gatepost.apikey;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A key for a dashboard system: a name to recognise it, the subtree it reads, and when it stops working. */
public record CreateApiKeyRequest(@NotBlank @Size(max = 100) String name, @NotNull UUID placeId,
                                  @NotNull OffsetDateTime expiresAt) {
}
