package org.gatepost.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.gatepost.caller.Role;
import org.gatepost.common.Cursor;
import org.gatepost.common.SqlRow;

/** Every query about accounts. */
@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {

    public Optional<Account> findByPhone(String phone) {
        return find("phone", phone).firstResultOptional();
    }

    public boolean phoneTaken(String phone) {
        return count("phone", phone) > 0;
    }

    /**
     * Serialises the first-administrator check among instances starting at the same moment
     * (until the transaction ends): otherwise each sees none and all but one fail on the phone's
     * uniqueness.
     */
    public void lockFirstAdministrator() {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended('first-administrator', 0))")
                .getSingleResult();
    }

    public long activeAdmins() {
        return count("role = ?1 and active = true", Role.ADMIN);
    }

    public long members(UUID teamId) {
        return count("teamId = ?1 and active = true", teamId);
    }

    /**
     * Accounts whose home place lies at or below {@code placeId} (all accounts when null),
     * by name, after the cursor.
     */
    @SuppressWarnings("unchecked")
    public List<Account> below(UUID placeId, Cursor after, int limit) {
        String sql = """
                SELECT acc.* FROM account acc
                %s
                WHERE %s (CAST(:afterName AS text) IS NULL OR (acc.name, acc.id) > (CAST(:afterName AS text), CAST(:afterId AS uuid)))
                ORDER BY acc.name, acc.id
                LIMIT :limit
                """.formatted(
                placeId == null ? "" : "JOIN place home ON home.id = acc.place_id JOIN place top ON top.id = :place",
                placeId == null ? "" : "home.path <@ top.path AND");
        Query query = getEntityManager().createNativeQuery(sql, Account.class)
                .setParameter("afterName", after == null ? null : after.key())
                .setParameter("afterId", after == null ? null : after.id().toString())
                .setParameter("limit", limit);
        if (placeId != null) {
            query.setParameter("place", placeId);
        }
        return query.getResultList();
    }

    /** An account's id and its phone as stored. */
    public record StoredPhone(UUID id, String phone) {
    }

    /** Every account's phone as stored, oldest account first. */
    public List<StoredPhone> storedPhones() {
        return SqlRow.list(SqlRow.query(getEntityManager(), "SELECT id, phone FROM account ORDER BY created_at, id"))
                .stream().map(r -> new StoredPhone(r.uuid("id"), r.string("phone"))).toList();
    }

    /** Rewrites a phone in place, as a change of the account (its version moves on). */
    public void rewritePhone(UUID id, String phone) {
        getEntityManager().createNativeQuery(
                        "UPDATE account SET phone = :phone, version = version + 1, updated_at = now() WHERE id = :id")
                .setParameter("phone", phone)
                .setParameter("id", id)
                .executeUpdate();
    }
}
