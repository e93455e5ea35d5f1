package org.gatepost.entry;

/** Why an entry raised an alert. */
public enum AlertKind {
    RED_CODE, YELLOW_CODE, FEVER
}
