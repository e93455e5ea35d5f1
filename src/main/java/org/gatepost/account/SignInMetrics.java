package org.gatepost.account;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters of sign-ins that did not succeed: {@code gatepost.signin.failures} by reason, and
 * {@code gatepost.signin.throttled} by the limit that held. A rising count of bad credentials
 * from few addresses is someone guessing; throttles are the guard doing its work.
 */
@ApplicationScoped
public class SignInMetrics {

    /** Why a sign-in failed, as the {@code reason} tag says it. */
    public enum Failure {
        /** An unknown phone number or a wrong password (the two are never told apart). */
        BAD_CREDENTIALS,
        /** The right password for an account that is deactivated. */
        DEACTIVATED,
        /** The password was changed while it was being checked. */
        PASSWORD_CHANGED,
        /** Too many sign-ins at once: told to come back in a second. */
        BUSY;

        String tag() {
            return name().toLowerCase();
        }
    }

    /** Which guessing limit refused a sign-in, as the {@code limit} tag says it. */
    public enum Limit {
        /** Failures from one client address over all phone numbers. */
        ADDRESS,
        /** Failures for one phone number from one client address. */
        PHONE
    }

    private final MeterRegistry registry;

    SignInMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Every series exists from the start at zero, so that dashboards and rate() see its first rise.
        for (Failure failure : Failure.values()) {
            failures(failure);
        }
        for (Limit limit : Limit.values()) {
            throttled(limit);
        }
    }

    void failed(Failure failure) {
        failures(failure).increment();
    }

    void throttledBy(Limit limit) {
        throttled(limit).increment();
    }

    private Counter failures(Failure failure) {
        return Counter.builder("gatepost.signin.failures")
                .description("Sign-ins that failed, by reason (throttled ones are counted apart)")
                .tag("reason", failure.tag())
                .register(registry);
    }

    private Counter throttled(Limit limit) {
        return Counter.builder("gatepost.signin.throttled")
                .description("Sign-ins refused by a guessing limit (429), by the limit that held")
                .tag("limit", limit.name().toLowerCase())
                .register(registry);
    }
}
