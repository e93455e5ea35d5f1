package org.gatepost.place;

import java.util.UUID;

import org.gatepost.common.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A place as the API shows it. */
public record PlaceView(UUID id, PlaceKind kind, String name, @Schema(nullable = true) UUID parentId, boolean active, long version)
        implements Versioned {

    static PlaceView of(Place place) {
        return new PlaceView(place.id, place.kind, place.name, place.parentId, place.active, place.version);
    }
}
