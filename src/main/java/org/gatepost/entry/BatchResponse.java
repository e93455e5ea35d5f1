package org.gatepost.entry;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.gatepost.common.Problem;

/** What became of each entry of a batch, in the order sent. */
public record BatchResponse(List<Result> results) {

    /** CREATED, DUPLICATE (already recorded, nothing changed), CONFLICT (the id is another entry's) or REJECTED. */
    public record Result(UUID id, EntryService.Status status, @JsonInclude(JsonInclude.Include.NON_NULL) Problem problem) {
    }
}
