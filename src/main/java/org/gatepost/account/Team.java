package org.gatepost.account;

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

/** A volunteer team (幫幫團) of one village, with one leader among its members. */
@Entity
@DynamicUpdate
@Table(name = "team")
public class Team extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "village_id", nullable = false, updatable = false)
    public UUID villageId;

    @Column(nullable = false)
    public String name;

    @Column(name = "leader_id")
    public UUID leaderId;

    @Column(nullable = false)
    public boolean active = true;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** Raised by every write; a write based on an older version is refused (optimistic locking). */
    @Version
    @Column(nullable = false)
    public long version;
}
