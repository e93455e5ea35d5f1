package org.gatepost.common;

import java.util.UUID;

/** Reads ids from query parameters, answering 400 naming the parameter instead of JAX-RS' 404. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(parameter, "must be a UUID");
        }
    }

    public static UUID require(String parameter, String value) {
        UUID id = parse(parameter, value);
        if (id == null) {
            throw ProblemException.invalid(parameter, "is required");
        }
        return id;
    }
}
