package org.gatepost.entry;

/** The health code outcome at the gate: a colour, or the honest reason there is none. */
public enum HealthCode {
    GREEN, YELLOW, RED, NO_PHONE, UNREADABLE, PAPER_PASS
}
