package org.gatepost.account;

import java.util.UUID;

/**
 * Fired inside a transaction that changes an account through the API, so that this instance
 * forgets what it keeps of it at commit (AccountCache) without waiting for the database's notice.
 */
public record AccountChanged(UUID accountId) {
}
