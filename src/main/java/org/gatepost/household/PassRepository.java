package org.gatepost.household;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.gatepost.common.TimeRange;

/** Passes in plain SQL, rows read by column name. */
@ApplicationScoped
public class PassRepository {

    private final EntityManager em;

    PassRepository(EntityManager em) {
        this.em = em;
    }

    /** A pass as stored. */
    public record Pass(UUID villageId, int serial, UUID householdId, String kid, String token, Instant issuedAt,
                       Instant expiresAt, Instant revokedAt) {
    }

    /** A revoked serial, as phones learn it. */
    @Schema(name = "RevokedPass")
    public record Revoked(UUID villageId, int serial) {
    }

    /** The village of a household and the serials ever issued to it (a deleted household's too). */
    public record HouseholdPasses(UUID villageId, java.util.Set<Integer> serials) {
    }

    /**
     * What the passes tell of each household: its village and its serials, revoked ones
     * included. Read outside any transaction of the caller's (the entry ingest has none here).
     */
    @SuppressWarnings("unchecked")
    public Map<UUID, HouseholdPasses> ofHouseholds(Collection<UUID> householdIds) {
        Map<UUID, HouseholdPasses> passes = new HashMap<>();
        if (householdIds.isEmpty()) {
            return passes;
        }
        List<Tuple> rows = em.createNativeQuery(
                        "SELECT household_id, village_id, serial FROM pass WHERE household_id IN (:households)", Tuple.class)
                .setParameter("households", List.copyOf(householdIds))
                .getResultList();
        for (Tuple r : rows) {
            passes.computeIfAbsent(r.get("household_id", UUID.class),
                    id -> new HouseholdPasses(r.get("village_id", UUID.class), new java.util.HashSet<>()))
                    .serials().add(((Number) r.get("serial")).intValue());
        }
        return passes;
    }

    /** The village's next serial: one atomic upsert, so two cadres at once never get the same one. */
    int nextSerial(UUID villageId) {
        return ((Number) em.createNativeQuery("""
                INSERT INTO pass_serial (village_id, last_serial) VALUES (:village, 1)
                ON CONFLICT (village_id) DO UPDATE SET last_serial = pass_serial.last_serial + 1
                RETURNING last_serial
                """).setParameter("village", villageId).getSingleResult()).intValue();
    }

    void insert(Pass pass) {
        em.createNativeQuery("""
                INSERT INTO pass (village_id, serial, household_id, kid, token, issued_at, expires_at)
                VALUES (:village, :serial, :household, :kid, :token, :issued, :expires)
                """)
                .setParameter("village", pass.villageId())
                .setParameter("serial", pass.serial())
                .setParameter("household", pass.householdId())
                .setParameter("kid", pass.kid())
                .setParameter("token", pass.token())
                .setParameter("issued", pass.issuedAt())
                .setParameter("expires", pass.expiresAt())
                .executeUpdate();
    }

    /** Revokes the household's live pass, if any; answers whether there was one. */
    boolean revokeLive(UUID householdId, Instant now) {
        return em.createNativeQuery("UPDATE pass SET revoked_at = :now WHERE household_id = :household AND revoked_at IS NULL")
                .setParameter("now", now)
                .setParameter("household", householdId)
                .executeUpdate() > 0;
    }

    /** The live (not revoked) pass of each household that has one; it may have expired. */
    @SuppressWarnings("unchecked")
    public Map<UUID, Pass> liveOf(Collection<UUID> householdIds) {
        Map<UUID, Pass> live = new HashMap<>();
        if (householdIds.isEmpty()) {
            return live;
        }
        List<Tuple> rows = em.createNativeQuery("""
                SELECT village_id, serial, household_id, kid, token, issued_at, expires_at, revoked_at
                FROM pass WHERE household_id IN (:households) AND revoked_at IS NULL
                """, Tuple.class)
                .setParameter("households", List.copyOf(householdIds))
                .getResultList();
        rows.stream().map(PassRepository::pass).forEach(p -> live.put(p.householdId(), p));
        return live;
    }

    public Optional<Pass> liveOf(UUID householdId) {
        return Optional.ofNullable(liveOf(List.of(householdId)).get(householdId));
    }

    /** Serials revoked before they expired, of passes not yet expired, in the villages below {@code top} (null: all). */
    @SuppressWarnings("unchecked")
    public List<Revoked> revokedBelow(UUID top, Instant now) {
        List<Tuple> rows = em.createNativeQuery("""
                SELECT p.village_id, p.serial FROM pass p
                WHERE p.revoked_at IS NOT NULL AND p.expires_at > :now
                  AND (CAST(:top AS uuid) IS NULL OR p.village_id IN (
                      SELECT v.id FROM place v, place t WHERE t.id = CAST(:top AS uuid) AND v.path <@ t.path))
                ORDER BY p.village_id, p.serial
                """, Tuple.class)
                .setParameter("now", now)
                .setParameter("top", top)
                .getResultList();
        return rows.stream().map(r -> new Revoked(r.get("village_id", UUID.class), ((Number) r.get("serial")).intValue()))
                .toList();
    }

    private static Pass pass(Tuple r) {
        return new Pass(r.get("village_id", UUID.class), ((Number) r.get("serial")).intValue(),
                r.get("household_id", UUID.class), r.get("kid", String.class), r.get("token", String.class),
                TimeRange.read(r.get("issued_at")), TimeRange.read(r.get("expires_at")), TimeRange.read(r.get("revoked_at")));
    }
}
