package org.gatepost.entry;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.gatepost.place.PlaceChanged;

/**
 * What recording needs to know of a checkpoint (its kind, village and whether it is open),
 * kept for 30 seconds so that a gate's stream of entries does not ask PostgreSQL every time.
 * A checkpoint's kind and village never change; a change of its open state made through this
 * instance is seen at once, one made through another instance within 30 seconds.
 */
@ApplicationScoped
public class CheckpointCache {

    static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final EntryRepository entries;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    CheckpointCache(EntryRepository entries) {
        this.entries = entries;
    }

    private record Cached(EntryRepository.CheckpointFacts facts, long loadedAt) {
    }

    /** The facts of each id that is a place; ids that are no place are missing from the map. */
    public Map<UUID, EntryRepository.CheckpointFacts> get(Collection<UUID> ids) {
        long now = System.nanoTime();
        Map<UUID, EntryRepository.CheckpointFacts> found = new HashMap<>();
        List<UUID> missing = ids.stream().filter(id -> {
            Cached cached = cache.get(id);
            if (cached != null && now - cached.loadedAt() < FRESH_NANOS) {
                found.put(id, cached.facts());
                return false;
            }
            return true;
        }).toList();
        if (!missing.isEmpty()) {
            entries.checkpoints(missing).forEach((id, facts) -> {
                cache.put(id, new Cached(facts, now));
                found.put(id, facts);
            });
        }
        return found;
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) PlaceChanged changed) {
        cache.remove(changed.placeId());
    }
}
