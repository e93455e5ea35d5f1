package org.gatepost.entry;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Up to 500 entries from a phone's offline queue. Each is read on its own, so that one
 * unreadable entry is rejected alone and the others are recorded.
 */
public record BatchRequest(
        @NotNull @Size(max = EntryService.LARGEST_BATCH)
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, implementation = EntryRequest.class)
        List<JsonNode> entries) {
}
