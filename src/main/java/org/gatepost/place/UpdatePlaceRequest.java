package org.gatepost.place;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Rename or (de)activate a place; absent fields stay as they are. */
public record UpdatePlaceRequest(
        @Size(min = 1, max = 100) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank") String name,
        Boolean active) {
}
