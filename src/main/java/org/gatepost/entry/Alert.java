package org.gatepost.entry;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.DynamicUpdate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Raised when an entry is refused or referred for a red or yellow code or a fever; the village's cadre acknowledges it. */
@Entity
@DynamicUpdate
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    @Schema(name = "AlertStatus")
    public enum Status { OPEN, ACKNOWLEDGED }

    @Id
    public UUID id;

    @Column(name = "entry_id", nullable = false, updatable = false)
    public UUID entryId;

    @Column(name = "checkpoint_id", nullable = false, updatable = false)
    public UUID checkpointId;

    @Column(name = "village_id", nullable = false, updatable = false)
    public UUID villageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public AlertKind kind;

    @Column(name = "raised_at", nullable = false, updatable = false)
    public Instant raisedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "acknowledged_by")
    public UUID acknowledgedBy;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    public String note;

    /** Raised by every write; a write based on an older version is refused (optimistic locking). */
    @Version
    @Column(nullable = false)
    public long version;
}
