package org.gatepost.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CursorTest {

    static final UUID ID = UUID.fromString("5f0c8a4e-3b1d-4c2a-9e8f-0a1b2c3d4e5f");

    @Test
    void readsBackWhatItWrote() {
        Cursor cursor = new Cursor("2020-02-12T08:30:00Z", ID);
        assertEquals(cursor, Cursor.decode(cursor.encode()));
        assertEquals(cursor, Cursor.decodeTimed(cursor.encode()));
    }

    @Test
    void keepsAKeyThatHoldsTheSeparator() {
        Cursor cursor = new Cursor("line one\nline two", ID);
        assertEquals(cursor, Cursor.decode(cursor.encode()));
    }

    @Test
    void isUrlSafe() {
        String encoded = new Cursor("名字?&=/+", ID).encode();
        assertEquals(encoded, encoded.replaceAll("[^A-Za-z0-9_-]", ""));
    }

    @Test
    void anAbsentCursorIsTheFirstPage() {
        assertNull(Cursor.decode(null));
        assertNull(Cursor.decode(" "));
        assertNull(Cursor.decodeTimed(""));
    }

    @Test
    void anythingElseIsA400NamingTheCursor() {
        for (String bad : new String[] {"not base64!", encode("no separator"), encode("key\nnot-a-uuid")}) {
            ProblemException e = assertThrows(ProblemException.class, () -> Cursor.decode(bad), bad);
            assertEquals(400, e.problem().status());
            assertEquals("cursor", e.problem().errors().get(0).field());
        }
    }

    @Test
    void aTimedListRefusesACursorWhoseKeyIsNoInstant() {
        String other = new Cursor("東口", ID).encode();
        assertEquals(400, assertThrows(ProblemException.class, () -> Cursor.decodeTimed(other)).problem().status());
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
