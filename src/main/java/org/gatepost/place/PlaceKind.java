package org.gatepost.place;

/** The levels of the place tree, from the top. */
public enum PlaceKind {
    COUNTY, TOWNSHIP, VILLAGE, CHECKPOINT;

    /** The kind a place of this kind must hang under; none for a county. */
    public PlaceKind parentKind() {
        return this == COUNTY ? null : values()[ordinal() - 1];
    }
}
