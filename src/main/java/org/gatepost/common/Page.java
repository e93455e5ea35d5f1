package org.gatepost.common;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, with the cursor that fetches the next one (null on the last page). */
public record Page<T>(List<T> items,
                      @Schema(nullable = true, description = "Pass it as cursor for the next page; null on the last page")
                      String nextCursor) {

    /**
     * A page from rows fetched with {@code limit + 1}: the extra row only tells that there is
     * more, and the last row kept gives the cursor.
     */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, Cursor> cursorOf, Function<R, T> view) {
        String next = null;
        List<R> kept = rows;
        if (rows.size() > limit) {
            kept = rows.subList(0, limit);
            next = cursorOf.apply(kept.get(limit - 1)).encode();
        }
        return new Page<>(kept.stream().map(view).toList(), next);
    }
}
