package org.gatepost.common;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
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

    /**
     * The region (ISO 3166 code, e.g. CN, HK, TW) in which a phone number typed without a
     * country code is read; every number is stored in E.164.
     */
    @WithDefault("CN")
    String phoneRegion();

    /** Secret key of the phone-number hash that recognises repeat visitors; required in production. */
    Optional<String> phoneHashSecret();

    Gate gate();

    Operations operations();

    Audit audit();

    Limits limits();

    Login login();

    Admin admin();

    Passes passes();

    CheckIn checkIn();

    /** The installation's own key that signs household passes and check-in codes (ES256). */
    interface Passes {
        /**
         * Path of the PEM file with the EC P-256 private key (PKCS#8); required in production,
         * generated on every start in dev mode and tests. deploy/generate-keys.sh writes one.
         */
        Optional<String> signingKey();

        /**
         * Paths of PEM public keys of earlier signing keys, still published in the trust data
         * so that passes they signed keep verifying while the new ones are printed (rotation).
         */
        Optional<List<String>> previousKeys();

        /** How long a pass is valid when the cadre does not say. */
        @WithDefault("90")
        int defaultValidDays();
    }

    /** The public self check-in at a gate's poster: how much any one client or gate may ask. */
    interface CheckIn {
        /** Codes one client address may ask for within the window. */
        @WithDefault("10")
        int perAddress();

        /** Codes one checkpoint's poster may give within the window, whoever asks. */
        @WithDefault("120")
        int perCheckpoint();

        /** Reads of a poster's page one client address may make within the window. */
        @WithDefault("60")
        int readsPerAddress();

        @WithDefault("PT1M")
        Duration window();

        /** How long a visitor's code stays valid at the gate. */
        @WithDefault("PT15M")
        Duration codeLifetime();
    }

    /** Who may read the endpoints meant for operators and integrators rather than for the app. */
    interface Operations {
        /**
         * The bearer token a Prometheus scraper sends to read {@code /q/metrics}; without one,
         * metrics are not served at all.
         */
        Optional<String> metricsToken();

        /** Whether {@code /q/openapi} and Swagger UI are served to anyone (off in production unless set). */
        @WithDefault("true")
        boolean publicApiDocs();
    }

    /** The log of security events. */
    interface Audit {
        /** How long security events are kept. */
        @WithDefault("P365D")
        Duration retention();
    }

    /** The rule at the gate. */
    interface Gate {
        /** A temperature at or above this (°C) is a fever. */
        @WithDefault("37.3")
        BigDecimal feverThreshold();
    }

    /** Sign-in under abuse: guessing limits, and how many sign-ins check a password at once. */
    interface Login {
        /** Failures for one phone number from one client address within the window, before it waits. */
        @WithDefault("5")
        int maxFailures();

        /** Failures from one client address (any phone numbers) within the window, before it waits. */
        @WithDefault("30")
        int maxFailuresPerAddress();

        @WithDefault("PT15M")
        Duration window();

        /** Sign-ins that may check a password (bcrypt) at the same moment. */
        @WithDefault("2")
        int parallel();

        /** How long a sign-in waits for its turn before it is answered 503. */
        @WithDefault("PT3S")
        Duration queueWait();
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
