package org.gatepost.common;

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

    Login login();

    Admin admin();

    /** Password guessing: after this many failures for one phone within the window, wait. */
    interface Login {
        @WithDefault("5")
        int maxFailures();

        @WithDefault("PT15M")
        Duration window();
    }

    /** The first administrator of an installation, created at start-up when none exists. */
    interface Admin {
        Optional<String> phone();

        Optional<String> password();

        @WithDefault("Administrator")
        String name();
    }
}
