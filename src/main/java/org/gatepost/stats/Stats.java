package org.gatepost.stats;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the statistics endpoints answer. */
public final class Stats {

    public static final String AS_OF = "Null when the figures are current. When they come from a streaming replica "
            + "that is behind the primary: the moment they are as of (the replica's last replayed transaction)";
    public static final String BEHIND = "How many seconds the figures are behind the primary: 0 when current "
            + "(read from the primary, or from a replica that has replayed everything it received)";

    private Stats() {
    }

    /**
     * Totals for the gates below a place over [from, to), widened to whole hours. Voided
     * entries never count; {@code persons} adds up party sizes, every other figure counts entries.
     */
    @Schema(name = "StatsSummary")
    public record Summary(UUID placeId, OffsetDateTime from, OffsetDateTime to, long entries, long persons,
                          @JsonProperty("in") long in, @JsonProperty("out") long out, long admitted, long refused,
                          long referred, Map<String, Long> healthCodes, long fevers, long openAlerts,
                          @Schema(nullable = true, description = AS_OF) OffsetDateTime asOf,
                          @Schema(description = BEHIND) long behindSeconds) {
    }

    /** Time series, one per place (the place itself, or each of its children). */
    @Schema(name = "StatsSeries")
    public record Series(String bucket, OffsetDateTime from, OffsetDateTime to, List<PlaceSeries> series,
                         @Schema(nullable = true, description = AS_OF) OffsetDateTime asOf,
                         @Schema(description = BEHIND) long behindSeconds) {
    }

    public record PlaceSeries(UUID placeId, String name, List<Point> points) {
    }

    /** One hour or day, starting at {@code start} (local midnight for days). */
    @Schema(name = "SeriesPoint")
    public record Point(OffsetDateTime start, long entries, long persons, long admitted, long refused, long referred,
                        long fevers) {
    }
}
