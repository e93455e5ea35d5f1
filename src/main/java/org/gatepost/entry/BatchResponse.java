package org.gatepost.entry;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.gatepost.common.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What became of each entry of a batch, in the order sent. */
public record BatchResponse(List<Result> results) {

    /** CREATED, DUPLICATE (already recorded, nothing changed), CONFLICT (the id is another entry's) or REJECTED. */
    @Schema(name = "BatchResult")
    public record Result(@Schema(required = true) UUID id, @Schema(required = true) EntryService.Status status,
                         @Schema(description = "Why it was not recorded (CONFLICT, REJECTED)") @JsonInclude(JsonInclude.Include.NON_NULL) Problem problem) {
    }
}
