package org.gatepost.household;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.UpdateTimestamp;

/**
 * A household of a village's register: personal data (head, members, phone), kept while the
 * household is registered and deleted with it.
 */
@Entity
@DynamicUpdate
@Table(name = "household")
public class Household extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "village_id", nullable = false, updatable = false)
    public UUID villageId;

    @Column(nullable = false)
    public String label;

    @Column(nullable = false)
    public String head;

    @Column(nullable = false)
    public String[] members = new String[0];

    /** E.164, or null. */
    public String phone;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Raised by every write; a write based on an older version is refused (optimistic locking). */
    @Version
    @Column(nullable = false)
    public long version;
}
