package org.gatepost.audit;

/** What happened, as an administrator reads the log. */
public enum AuditKind {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_IN_THROTTLED,
    UNAUTHENTICATED,
    FORBIDDEN,
    ACCOUNT_CREATED,
    ACCOUNT_CHANGED,
    ROLE_CHANGED,
    PASSWORD_CHANGED,
    ACCOUNT_DEACTIVATED,
    API_KEY_CREATED,
    API_KEY_REVOKED,
    ENTRY_VOIDED
}
