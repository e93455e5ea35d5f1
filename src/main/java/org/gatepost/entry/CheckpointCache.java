package org.gatepost.entry;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import org.gatepost.common.ChangeNotices;
import org.gatepost.common.NotifiedCache;
import org.gatepost.place.PlaceChanged;

/**
 * What recording needs to know of a checkpoint (its kind, village and whether it is open),
 * kept in memory so that a gate's stream of entries does not ask PostgreSQL every time. A
 * change of a place, made through any instance or in SQL, is forgotten as soon as the
 * database's notice arrives (see {@link ChangeNotices}); one made through this instance at
 * once, when its transaction commits.
 */
@ApplicationScoped
public class CheckpointCache implements ChangeNotices.Listener {

    private final EntryRepository entries;
    private final NotifiedCache<EntryRepository.CheckpointFacts> cache;

    CheckpointCache(EntryRepository entries, @CacheName("checkpoints") Cache cache, ChangeNotices notices) {
        this.entries = entries;
        this.cache = new NotifiedCache<>(cache, notices);
    }

    /** The facts of each id that is a place; ids that are no place are missing from the map. */
    public Map<UUID, EntryRepository.CheckpointFacts> get(Collection<UUID> ids) {
        return cache.keptOrRead(ids, entries::checkpoints);
    }

    /** The facts kept in memory for this checkpoint, or null when the next use reads them. */
    public EntryRepository.CheckpointFacts kept(UUID id) {
        return cache.kept(id);
    }

    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) PlaceChanged changed) {
        cache.forget(changed.placeId());
    }

    @Override
    public String channel() {
        return "gatepost_place";
    }

    @Override
    public void changed(String id) {
        cache.forget(UUID.fromString(id));
    }

    @Override
    public void forgetAll() {
        cache.forgetAll();
    }
}
