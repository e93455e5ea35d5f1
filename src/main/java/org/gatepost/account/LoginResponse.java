package org.gatepost.account;

import java.time.OffsetDateTime;

/** A signed token, when it expires, and whose it is. */
public record LoginResponse(String token, OffsetDateTime expiresAt, AccountView account) {
}
