package org.gatepost.place;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new place: a county needs no parent, every other kind one of the kind above it. */
public record CreatePlaceRequest(
        @NotNull PlaceKind kind,
        @NotBlank @Size(max = 100) String name,
        UUID parentId) {
}
