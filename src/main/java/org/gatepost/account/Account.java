package org.gatepost.account;

import java.time.Instant;
import java.util.UUID;

import org.gatepost.caller.Role;
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

/** A person who signs in: administrator, official, cadre or volunteer. */
@Entity
@DynamicUpdate
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String phone;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Role role;

    /** The home place; null only for an administrator without one. */
    @Column(name = "place_id", updatable = false)
    public UUID placeId;

    @Column(name = "team_id")
    public UUID teamId;

    @Column(nullable = false)
    public boolean active = true;

    /**
     * Raised by the database whenever the password, role or home place changes; tokens carry
     * the generation they were issued for, and those of an older one are refused.
     */
    @Column(name = "token_generation", nullable = false, insertable = false, updatable = false)
    public int tokenGeneration;

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
