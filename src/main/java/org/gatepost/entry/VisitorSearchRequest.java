package org.gatepost.entry;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A repeat-visitor search: the phone number goes in the body, never in a URL (a query string
 * ends up in access logs).
 */
@Schema(name = "VisitorSearch")
public record VisitorSearchRequest(
        @NotBlank @Size(max = 32) @Schema(example = "13812345678") String visitorPhone,
        @Schema(description = "Within this place; by default your village (an administrator must name one)") UUID placeId,
        @Schema(description = "Instant with offset, or a plain date (local midnight)") String from,
        @Schema(description = "Instant with offset, or a plain date (local midnight)") String to,
        String cursor,
        @Min(1) @Max(500) Integer limit) {
}
