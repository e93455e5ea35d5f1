package org.gatepost.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CaffeineCache;

/**
 * A Caffeine cache of rows by id that is trusted only while {@link ChangeNotices} hears the
 * database's notices, and forgets a row when its notice comes. A row read from the database
 * is kept only if no notice came while it was being read: otherwise the read may have seen the
 * row from before the change and would keep it after the change's notice.
 */
public final class NotifiedCache<V> {

    private final CaffeineCache cache;
    private final ChangeNotices notices;
    private final Object lock = new Object();
    private long forgotten; // counts notices; guarded by lock

    public NotifiedCache(Cache cache, ChangeNotices notices) {
        this.cache = cache.as(CaffeineCache.class);
        this.notices = notices;
    }

    /** The row kept for this id, or null when none is kept or the cache may not be trusted now. */
    public V kept(UUID id) {
        if (!notices.listening()) {
            return null;
        }
        CompletableFuture<V> kept = cache.getIfPresent(id);
        return kept != null && kept.isDone() && !kept.isCompletedExceptionally() ? kept.join() : null;
    }

    /** Where a read from the database starts: tells later whether it may be kept. */
    public Read startRead() {
        synchronized (lock) {
            return new Read(notices.listening(), forgotten);
        }
    }

    /** A read started by {@link #startRead()}. */
    public final class Read {
        private final boolean trusted;
        private final long forgottenBefore;

        private Read(boolean trusted, long forgottenBefore) {
            this.trusted = trusted;
            this.forgottenBefore = forgottenBefore;
        }

        /** Keeps what was read, unless a notice came (or the notices stopped) since the read started. */
        public void keep(UUID id, V value) {
            synchronized (lock) {
                if (trusted && forgotten == forgottenBefore && notices.listening()) {
                    cache.put(id, CompletableFuture.completedFuture(value));
                }
            }
        }
    }

    /** The rows of these ids: those kept, and the others read all at once (and kept); ids without a row are missing. */
    public Map<UUID, V> keptOrRead(Collection<UUID> ids, Function<Collection<UUID>, Map<UUID, V>> read) {
        Map<UUID, V> found = new HashMap<>();
        List<UUID> missing = new ArrayList<>();
        for (UUID id : ids) {
            V kept = kept(id);
            if (kept != null) {
                found.put(id, kept);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            Read started = startRead();
            read.apply(missing).forEach((id, value) -> {
                started.keep(id, value);
                found.put(id, value);
            });
        }
        return found;
    }

    public void forget(UUID id) {
        synchronized (lock) {
            forgotten++;
            cache.invalidate(id).await().indefinitely();
        }
    }

    public void forgetAll() {
        synchronized (lock) {
            forgotten++;
            cache.invalidateAll().await().indefinitely();
        }
    }
}
