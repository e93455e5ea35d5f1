package org.gatepost.place;

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
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/**
 * A county, township, village or checkpoint. Its ltree path (set by the database, not
 * mapped here) makes "everything below" one indexed query; see {@link PlaceRepository}.
 */
@Entity
@DynamicUpdate
@Table(name = "place")
public class Place extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public PlaceKind kind;

    @Column(nullable = false)
    public String name;

    @Column(name = "parent_id", updatable = false)
    public UUID parentId;

    @Column(nullable = false)
    public boolean active = true;

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
