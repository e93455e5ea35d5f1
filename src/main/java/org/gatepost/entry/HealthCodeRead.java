package org.gatepost.entry;

/** How the health code was read. */
public enum HealthCodeRead {
    BY_EYE, SCANNED
}
