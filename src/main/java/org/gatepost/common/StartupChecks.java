package org.gatepost.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.Config;
import org.gatepost.account.Phones;

/**
 * Refuses to start on settings that would fail later at a gate: production without token
 * keys or phone-hash secret, tokens that live longer than a shift day, personal data kept
 * for less than a week.
 */
@ApplicationScoped
public class StartupChecks {

    static final Duration LONGEST_TOKEN = Duration.ofHours(12);
    static final Duration MINIMUM_RETENTION = Duration.ofDays(7);

    /** Runs before any other start-up work (the first administrator, demo data). */
    void onStart(@Observes @Priority(1) StartupEvent event, Config config, GatepostConfig gatepost) {
        List<String> problems = problems(LaunchMode.current(), config, gatepost);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Gatepost cannot start:\n  - " + String.join("\n  - ", problems));
        }
    }

    static List<String> problems(LaunchMode mode, Config config, GatepostConfig gatepost) {
        List<String> problems = new ArrayList<>();
        if (gatepost.tokenLifetime().compareTo(LONGEST_TOKEN) > 0 || gatepost.tokenLifetime().isNegative()
                || gatepost.tokenLifetime().isZero()) {
            problems.add("gatepost.token-lifetime (GATEPOST_TOKEN_LIFETIME) must be positive and at most PT12H, not "
                    + gatepost.tokenLifetime());
        }
        if (gatepost.retention().compareTo(MINIMUM_RETENTION) < 0) {
            problems.add("gatepost.retention (GATEPOST_RETENTION) must be at least P7D, not " + gatepost.retention());
        }
        if (!Phones.knownRegion(gatepost.phoneRegion())) {
            problems.add("gatepost.phone-region (GATEPOST_PHONE_REGION) must be a region code such as CN, HK or TW, not "
                    + gatepost.phoneRegion());
        }
        if (mode == LaunchMode.NORMAL) {
            if (gatepost.phoneHashSecret().map(String::length).orElse(0) < 16) {
                problems.add("no secret for hashing visitors' phone numbers: set gatepost.phone-hash-secret "
                        + "(GATEPOST_PHONE_HASH_SECRET) to a random string of at least 16 characters");
            }
            if (missing(config, "mp.jwt.verify.publickey.location") && missing(config, "mp.jwt.verify.publickey")) {
                problems.add("no public key to verify tokens: set mp.jwt.verify.publickey.location "
                        + "(MP_JWT_VERIFY_PUBLICKEY_LOCATION) to the PEM file of the public key");
            }
            if (missing(config, "smallrye.jwt.sign.key.location") && missing(config, "smallrye.jwt.sign.key")) {
                problems.add("no private key to sign tokens: set smallrye.jwt.sign.key.location "
                        + "(SMALLRYE_JWT_SIGN_KEY_LOCATION) to the PEM file of the private key");
            }
        }
        return problems;
    }

    private static boolean missing(Config config, String name) {
        Optional<String> value = config.getOptionalValue(name, String.class);
        return value.isEmpty() || value.get().isBlank();
    }
}
