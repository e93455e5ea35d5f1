package org.gatepost.caller;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;
import org.gatepost.common.ProblemException;

/** The caller of the current request, for services to check scope and role against. */
@RequestScoped
public class CurrentCaller {

    /** The identity attribute holding the {@link Caller}. */
    public static final String CALLER = "gatepost.caller";

    private final SecurityIdentity identity;

    CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The signed-in account; a dashboard API key is refused here, as it reads statistics only. */
    public Caller get() {
        Caller caller = forStatistics();
        if (caller.apiKey()) {
            throw ProblemException.forbidden("A dashboard API key reads statistics only");
        }
        return caller;
    }

    /** The caller of a statistics endpoint: a signed-in account or a dashboard API key. */
    public Caller forStatistics() {
        Caller caller = identity.getAttribute(CALLER);
        if (caller == null) {
            throw ProblemException.unauthorized("Sign in first: a valid, unexpired bearer token is required");
        }
        return caller;
    }
}
