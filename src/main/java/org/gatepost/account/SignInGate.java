package org.gatepost.account;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.gatepost.common.GatepostConfig;
import org.gatepost.common.ProblemException;

/**
 * Bounds how many sign-ins run at once. bcrypt is meant to be slow: a burst of sign-ins at a
 * shift change would otherwise take every core from the gates' requests. Beyond the bound a
 * sign-in waits briefly for its turn, then is told to come back.
 */
@ApplicationScoped
public class SignInGate {

    private final Semaphore permits;
    private final Duration queueWait;
    private final SignInMetrics metrics;

    SignInGate(GatepostConfig config, SignInMetrics metrics) {
        this.metrics = metrics;
        this.permits = new Semaphore(config.login().parallel(), true);
        this.queueWait = config.login().queueWait();
    }

    public <T> T through(Supplier<T> signIn) {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(queueWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            metrics.failed(SignInMetrics.Failure.BUSY);
            throw ProblemException.unavailable("Too many people are signing in at this moment; try again in a second", 1);
        }
        try {
            return signIn.get();
        } finally {
            permits.release();
        }
    }
}
