package org.gatepost.roster;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.CreationTimestamp;

/** One stretch of duty at one checkpoint, with the staff it needs. Cancelled shifts are kept, marked. */
@Entity
@DynamicUpdate
@Table(name = "shift")
public class Shift extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "checkpoint_id", nullable = false, updatable = false)
    public UUID checkpointId;

    @Column(name = "village_id", nullable = false, updatable = false)
    public UUID villageId;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(name = "min_staff", nullable = false)
    public int minStaff;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** Raised by every write; a write based on an older version is refused (optimistic locking). */
    @Version
    @Column(nullable = false)
    public long version;
}
