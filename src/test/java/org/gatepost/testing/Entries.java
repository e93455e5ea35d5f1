package org.gatepost.testing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.gatepost.place.Place;

/** Entries as a phone would send them: a green resident walking in, admitted, unless changed. */
public final class Entries {

    public static final ZoneOffset PHONE = ZoneOffset.ofHours(8);

    private Entries() {
    }

    public static Map<String, Object> resident(Place checkpoint) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("id", UUID.randomUUID().toString());
        entry.put("checkpointId", checkpoint.id.toString());
        // Always with seconds, as the server writes it back: toString() leaves out ":00" in one run of sixty.
        entry.put("occurredAt", OffsetDateTime.now(PHONE).truncatedTo(ChronoUnit.SECONDS).minusMinutes(1)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        entry.put("direction", "IN");
        entry.put("resident", true);
        entry.put("partySize", 1);
        entry.put("healthCode", "GREEN");
        entry.put("healthCodeRead", "SCANNED");
        entry.put("temperature", 36.5);
        entry.put("decision", "ADMITTED");
        return entry;
    }

    public static Map<String, Object> visitor(Place checkpoint) {
        Map<String, Object> entry = resident(checkpoint);
        entry.put("resident", false);
        entry.put("visitor", Map.of("origin", "松源街道", "purpose", "送蔬菜", "name", "王建國",
                "phone", "13812345678", "plate", "浙K·12345"));
        return entry;
    }

    /** The same entry with some fields changed. */
    public static Map<String, Object> with(Map<String, Object> entry, Object... keysAndValues) {
        Map<String, Object> changed = new HashMap<>(entry);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            changed.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return changed;
    }
}
