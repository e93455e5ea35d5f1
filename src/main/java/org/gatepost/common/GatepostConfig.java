package org.gatepost.common;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The application's own settings, all under {@code gatepost.} (environment: {@code GATEPOST_...}). */
@ConfigMapping(prefix = "gatepost")
public interface GatepostConfig {

    /** The county's time zone: clock times and plain dates are read in it. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    /** How long a sign-in token stays valid; at most 12 hours. */
    @WithDefault("PT8H")
    Duration tokenLifetime();

    /**
     * How long personal fields of entries (names, phone digits, plates, notes, origin,
     * purpose) are kept; at least 7 days. Counts and non-personal facts stay.
     */
    @WithDefault("P28D")
    Duration retention();

    /** Secret key of the phone-number hash that recognises repeat visitors; required in production. */
    Optional<String> phoneHashSecret();

    Gate gate();

    Login login();

    Admin admin();

    Limits limits();

    /** The rule at the gate. */
    interface Gate {
        /** A temperature at or above this (°C) is a fever. */
        @WithDefault("37.3")
        BigDecimal feverThreshold();
    }

    /** Password guessing: after this many failures for one phone within the window, wait. */
    interface Login {
        @WithDefault("5")
        int maxFailures();

        @WithDefault("PT15M")
        Duration window();
    }

    /**
     * How large a request may be, beyond the body limit {@code quarkus.http.limits.max-body-size}:
     * longer ones are refused with problem details (414, 431).
     */
    interface Limits {
        /** Characters of path and query string together. */
        @WithDefault("4096")
        int maxUriLength();

        /** Bytes of all request headers together, names and values. */
        @WithDefault("16384")
        int maxHeaderSize();
    }

    /** The first administrator of an installation, created at start-up when none exists. */
    interface Admin {
        Optional<String> phone();

        Optional<String> password();

        @WithDefault("Administrator")
        String name();
    }
}
