package org.gatepost.apikey;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

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
}
