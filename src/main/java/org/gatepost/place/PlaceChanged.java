package org.gatepost.place;

import java.util.UUID;

/** Fired when a place was renamed, deactivated or reactivated, after the change is committed. */
public record PlaceChanged(UUID placeId) {
}
