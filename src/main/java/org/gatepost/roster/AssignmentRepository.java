package org.gatepost.roster;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.gatepost.common.SqlRow;

/**
 * Assignments of volunteers to shifts, in plain SQL (rows read by column name): their time
 * range column is what lets PostgreSQL's exclusion constraint refuse double-booking.
 */
@ApplicationScoped
public class AssignmentRepository {

    private final EntityManager em;

    AssignmentRepository(EntityManager em) {
        this.em = em;
    }

    /** One volunteer's assignment as stored. */
    public record Row(UUID shiftId, UUID volunteerId, String name, Instant checkedInAt, Instant checkedOutAt,
                      String handoverNote) {
    }

    /**
     * Assigns unless the volunteer is already on this shift or on an overlapping one; answers
     * whether a row was written. A concurrent overlapping assignment waits for this one and then
     * writes nothing, so that two overlapping assignments can never both stand.
     */
    public boolean insert(Shift shift, UUID volunteerId, UUID assignedBy) {
        return em.createNativeQuery("""
                INSERT INTO assignment (shift_id, volunteer_id, during, assigned_by)
                VALUES (:shift, :volunteer, tstzrange(:from, :to), :by)
                ON CONFLICT DO NOTHING
                """)
                .setParameter("shift", shift.id)
                .setParameter("volunteer", volunteerId)
                .setParameter("from", shift.startsAt)
                .setParameter("to", shift.endsAt)
                .setParameter("by", assignedBy)
                .executeUpdate() == 1;
    }

    /** The shift (other than {@code except}) whose assignment of this volunteer overlaps [from, to), if any. */
    public Optional<UUID> overlapping(UUID volunteerId, Instant from, Instant to, UUID except) {
        @SuppressWarnings("unchecked")
        List<UUID> found = em.createNativeQuery("""
                SELECT shift_id FROM assignment
                WHERE volunteer_id = :volunteer AND during && tstzrange(:from, :to) AND shift_id <> :except
                LIMIT 1
                """)
                .setParameter("volunteer", volunteerId)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("except", except)
                .getResultList();
        return found.stream().findFirst();
    }

    public Optional<Row> find(UUID shiftId, UUID volunteerId) {
        return forShifts(List.of(shiftId)).stream().filter(r -> r.volunteerId().equals(volunteerId)).findFirst();
    }

    public List<Row> forShifts(Collection<UUID> shiftIds) {
        if (shiftIds.isEmpty()) {
            return List.of();
        }
        Query query = SqlRow.query(em, """
                SELECT a.shift_id, a.volunteer_id, acc.name, a.checked_in_at, a.checked_out_at, a.handover_note
                FROM assignment a JOIN account acc ON acc.id = a.volunteer_id
                WHERE a.shift_id IN (:shifts)
                ORDER BY acc.name, acc.id
                """)
                .setParameter("shifts", shiftIds);
        return SqlRow.list(query).stream().map(r -> new Row(r.uuid("shift_id"), r.uuid("volunteer_id"),
                r.string("name"), r.instant("checked_in_at"), r.instant("checked_out_at"), r.string("handover_note")))
                .toList();
    }

    public int delete(UUID shiftId, UUID volunteerId) {
        return em.createNativeQuery("DELETE FROM assignment WHERE shift_id = :shift AND volunteer_id = :volunteer")
                .setParameter("shift", shiftId)
                .setParameter("volunteer", volunteerId)
                .executeUpdate();
    }

    public int deleteAll(UUID shiftId) {
        return em.createNativeQuery("DELETE FROM assignment WHERE shift_id = :shift")
                .setParameter("shift", shiftId)
                .executeUpdate();
    }

    /** Takes the volunteer off every shift that has not begun; answers how many. */
    public int deleteUpcoming(UUID volunteerId, Instant now) {
        return em.createNativeQuery("""
                DELETE FROM assignment a USING shift s
                WHERE a.shift_id = s.id AND a.volunteer_id = :volunteer AND s.starts_at > :now AND a.checked_in_at IS NULL
                """)
                .setParameter("volunteer", volunteerId)
                .setParameter("now", now)
                .executeUpdate();
    }

    public long checkedIn(UUID shiftId) {
        return SqlRow.single(SqlRow.query(em, "SELECT count(checked_in_at) AS checked_in FROM assignment WHERE shift_id = :shift")
                .setParameter("shift", shiftId)).number("checked_in");
    }

    /** Moves the shift's assignments to its new time range; the exclusion constraint re-checks them. */
    public void retime(Shift shift) {
        em.createNativeQuery("UPDATE assignment SET during = tstzrange(:from, :to) WHERE shift_id = :shift")
                .setParameter("from", shift.startsAt)
                .setParameter("to", shift.endsAt)
                .setParameter("shift", shift.id)
                .executeUpdate();
    }

    public void checkIn(UUID shiftId, UUID volunteerId, Instant at) {
        em.createNativeQuery("""
                UPDATE assignment SET checked_in_at = :at
                WHERE shift_id = :shift AND volunteer_id = :volunteer AND checked_in_at IS NULL
                """)
                .setParameter("at", at)
                .setParameter("shift", shiftId)
                .setParameter("volunteer", volunteerId)
                .executeUpdate();
    }

    public void checkOut(UUID shiftId, UUID volunteerId, Instant at, String note) {
        em.createNativeQuery("""
                UPDATE assignment SET checked_out_at = :at, handover_note = :note
                WHERE shift_id = :shift AND volunteer_id = :volunteer
                """)
                .setParameter("at", at)
                .setParameter("note", note)
                .setParameter("shift", shiftId)
                .setParameter("volunteer", volunteerId)
                .executeUpdate();
    }

    /** A volunteer's own assignment with its shift and checkpoint. */
    public record OwnShift(UUID shiftId, UUID checkpointId, String checkpointName, Instant startsAt, Instant endsAt,
                           int minStaff, Instant checkedInAt, Instant checkedOutAt, String handoverNote) {
    }

    /** A note left at check-out, on the shift just before {@code forShift} at the same checkpoint. */
    public record HandoverRow(UUID forShift, String name, String note, Instant at) {
    }

    /** The volunteer's live shifts that end after the given instant, soonest first (at most 50). */
    public List<OwnShift> ownShifts(UUID volunteerId, Instant endingAfter) {
        Query query = SqlRow.query(em, """
                SELECT s.id AS shift_id, s.checkpoint_id, c.name, s.starts_at, s.ends_at, s.min_staff,
                       a.checked_in_at, a.checked_out_at, a.handover_note
                FROM assignment a
                JOIN shift s ON s.id = a.shift_id
                JOIN place c ON c.id = s.checkpoint_id
                WHERE a.volunteer_id = :volunteer AND s.cancelled_at IS NULL AND s.ends_at > :after
                ORDER BY s.starts_at
                LIMIT 50
                """)
                .setParameter("volunteer", volunteerId)
                .setParameter("after", endingAfter);
        return SqlRow.list(query).stream().map(r -> new OwnShift(r.uuid("shift_id"), r.uuid("checkpoint_id"),
                r.string("name"), r.instant("starts_at"), r.instant("ends_at"), r.integer("min_staff"),
                r.instant("checked_in_at"), r.instant("checked_out_at"), r.string("handover_note"))).toList();
    }

    /** For each shift, the handover notes of the shift that ended last before it at the same checkpoint. */
    public List<HandoverRow> handoversBefore(Collection<UUID> shiftIds) {
        if (shiftIds.isEmpty()) {
            return List.of();
        }
        Query query = SqlRow.query(em, """
                SELECT s.id AS for_shift, acc.name, a.handover_note, a.checked_out_at
                FROM shift s
                JOIN LATERAL (SELECT p.id FROM shift p
                              WHERE p.checkpoint_id = s.checkpoint_id AND p.cancelled_at IS NULL
                                AND p.ends_at <= s.starts_at
                              ORDER BY p.ends_at DESC LIMIT 1) previous ON true
                JOIN assignment a ON a.shift_id = previous.id AND a.handover_note IS NOT NULL
                JOIN account acc ON acc.id = a.volunteer_id
                WHERE s.id IN (:shifts)
                ORDER BY a.checked_out_at
                """)
                .setParameter("shifts", shiftIds);
        return SqlRow.list(query).stream().map(r -> new HandoverRow(r.uuid("for_shift"), r.string("name"),
                r.string("handover_note"), r.instant("checked_out_at"))).toList();
    }
}
