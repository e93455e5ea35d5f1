package org.gatepost.common;

import java.util.List;

/** One page of a list, with the cursor that fetches the next one (null on the last page). */
public record Page<T>(List<T> items, String nextCursor) {
}
