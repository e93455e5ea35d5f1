package org.gatepost.entry;

/** Which way a passage goes through the gate. */
public enum Direction {
    IN, OUT
}
