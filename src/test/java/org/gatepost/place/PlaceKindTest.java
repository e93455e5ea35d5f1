package org.gatepost.place;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PlaceKindTest {

    @Test
    void eachKindHangsUnderTheOneAbove() {
        assertNull(PlaceKind.COUNTY.parentKind());
        assertEquals(PlaceKind.COUNTY, PlaceKind.TOWNSHIP.parentKind());
        assertEquals(PlaceKind.TOWNSHIP, PlaceKind.VILLAGE.parentKind());
        assertEquals(PlaceKind.VILLAGE, PlaceKind.CHECKPOINT.parentKind());
    }
}
