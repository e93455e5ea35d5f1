package org.gatepost.apikey;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.gatepost.common.SqlRow;

/** Every query about API keys. */
@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    /** Keys for places at or below a place (all keys when null), newest first. */
    @SuppressWarnings("unchecked")
    public List<ApiKey> below(UUID placeId) {
        if (placeId == null) {
            return list("order by createdAt desc, id");
        }
        return getEntityManager().createNativeQuery("""
                SELECT k.* FROM api_key k
                JOIN place p ON p.id = k.place_id
                JOIN place top ON top.id = :place
                WHERE p.path <@ top.path
                ORDER BY k.created_at DESC, k.id
                """, ApiKey.class)
                .setParameter("place", placeId)
                .getResultList();
    }

    /** What a request signed in with a live key acts as: the key's own id, name and place. */
    public record LiveKey(UUID id, String name, UUID placeId) {
    }

    /**
     * The key with this digest if it may be used now: not revoked, not expired, and made by an
     * account still active. Its own transaction, since sign-in runs before the request's.
     */
    @Transactional
    public Optional<LiveKey> live(byte[] digest) {
        return SqlRow.list(SqlRow.query(getEntityManager(), """
                        SELECT k.id, k.name, k.place_id FROM api_key k
                        JOIN account creator ON creator.id = k.created_by AND creator.active
                        WHERE k.key_digest = :digest AND k.revoked_at IS NULL AND k.expires_at > now()
                        """)
                        .setParameter("digest", digest))
                .stream()
                .map(r -> new LiveKey(r.uuid("id"), r.string("name"), r.uuid("place_id")))
                .findFirst();
    }
}
