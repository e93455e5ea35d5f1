package org.gatepost.place;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import org.gatepost.common.Cursor;

/** Every query about places, including the subtree questions that permissions ask. */
@ApplicationScoped
public class PlaceRepository implements PanacheRepositoryBase<Place, UUID> {

    /** Whether {@code placeId} is {@code ancestorId} or lies below it (one GiST index probe). */
    public boolean isWithin(UUID placeId, UUID ancestorId) {
        return (Boolean) getEntityManager().createNativeQuery("""
                SELECT EXISTS (
                    SELECT 1 FROM place p, place a
                    WHERE p.id = :place AND a.id = :ancestor AND p.path <@ a.path)
                """)
                .setParameter("place", placeId)
                .setParameter("ancestor", ancestorId)
                .getSingleResult();
    }

    /** Places with the given parent (null: the counties), by name, after the cursor. */
    public List<Place> children(UUID parentId, Cursor after, int limit) {
        StringBuilder query = new StringBuilder(parentId == null ? "parentId is null" : "parentId = :parent");
        Parameters parameters = new Parameters();
        if (parentId != null) {
            parameters.and("parent", parentId);
        }
        if (after != null) {
            query.append(" and (name > :name or (name = :name and id > :id))");
            parameters.and("name", after.key()).and("id", after.id());
        }
        query.append(" order by name, id");
        return find(query.toString(), parameters).page(0, limit).list();
    }

    /** Whether another place under the same parent already has this name (ignoring case). */
    public boolean siblingNamed(UUID parentId, String name, UUID except) {
        Parameters parameters = Parameters.with("name", name).and("except", except);
        String parent = "parentId is null";
        if (parentId != null) {
            parent = "parentId = :parent";
            parameters.and("parent", parentId);
        }
        return count(parent + " and lower(name) = lower(:name) and id <> :except", parameters) > 0;
    }
}
