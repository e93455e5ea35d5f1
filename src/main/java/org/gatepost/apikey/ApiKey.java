package org.gatepost.apikey;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.DynamicUpdate;

/** A dashboard system's read-only key to the statistics of one subtree; only its digest is kept. */
@Entity
@DynamicUpdate
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "place_id", nullable = false, updatable = false)
    public UUID placeId;

    @Column(name = "key_digest", nullable = false, updatable = false)
    public byte[] keyDigest;

    @Column(name = "created_by", nullable = false, updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public UUID revokedBy;

    /** Raised by every write; a write based on an older version is refused (optimistic locking). */
    @Version
    @Column(nullable = false)
    public long version;
}
