package org.gatepost.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * An opaque keyset cursor: the sort key and id of the last row of a page. The next page
 * starts after it, so paging never scans skipped rows and never repeats or skips one.
 */
public record Cursor(String key, UUID id) {

    private static final char SEPARATOR = '\n';

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((key + SEPARATOR + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor whose key is an instant (lists ordered by time); anything else is a 400. */
    public static Cursor decodeTimed(String cursor) {
        Cursor decoded = decode(cursor);
        if (decoded != null) {
            try {
                Instant.parse(decoded.key());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("cursor", "is not a cursor returned by this list");
            }
        }
        return decoded;
    }

    /** Reads a cursor from a query parameter; null stays null, anything unreadable is a 400. */
    public static Cursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = text.lastIndexOf(SEPARATOR);
            return new Cursor(text.substring(0, separator), UUID.fromString(text.substring(separator + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw ProblemException.invalid("cursor", "is not a cursor returned by this list");
        }
    }
}
