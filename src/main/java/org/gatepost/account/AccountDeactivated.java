package org.gatepost.account;

import java.util.UUID;

/** Fired inside the transaction that deactivates an account. */
public record AccountDeactivated(UUID accountId) {
}
