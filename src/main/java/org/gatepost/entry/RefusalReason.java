package org.gatepost.entry;

/**
 * Why someone was not admitted, as a code that counts and officials can use; the free-text
 * {@code reason} beside it is personal and stays with the village.
 */
public enum RefusalReason {
    RED_CODE,
    YELLOW_CODE,
    FEVER,
    NO_HEALTH_CODE,
    NOT_REGISTERED,
    OTHER
}
