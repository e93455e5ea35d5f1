package org.gatepost.account;

import java.util.UUID;

/** The signed-in account making this request, as checked against the database. */
public record Caller(UUID accountId, String name, Role role, UUID placeId) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean is(Role expected) {
        return role == expected;
    }
}
