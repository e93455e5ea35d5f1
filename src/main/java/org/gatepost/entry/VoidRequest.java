package org.gatepost.entry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a mistaken entry is voided. */
public record VoidRequest(@NotBlank @Size(max = 500) String reason) {
}
