package org.gatepost.caller;

import java.util.UUID;

/**
 * Who makes this request, as checked against the database: a signed-in account, or a
 * dashboard's API key ({@code apiKey}: then {@code accountId} is the key's id, the role
 * OFFICIAL and the scope the key's place; keys read statistics only).
 */
public record Caller(UUID accountId, String name, Role role, UUID placeId, boolean apiKey) {

    public Caller(UUID accountId, String name, Role role, UUID placeId) {
        this(accountId, name, role, placeId, false);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean is(Role expected) {
        return role == expected;
    }

    /** Whether the caller plans and corrects this village's work: an admin, or the village's cadre. */
    public boolean managesVillage(UUID villageId) {
        return isAdmin() || (role == Role.CADRE && villageId != null && villageId.equals(placeId));
    }
}
