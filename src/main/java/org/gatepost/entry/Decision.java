package org.gatepost.entry;

/** What the gate decided: let in, turn away, or send to the clinic or health station. */
public enum Decision {
    ADMITTED, REFUSED, REFERRED
}
