package org.gatepost.account;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;
import org.gatepost.common.ProblemException;

/** The caller of the current request, for services to check scope and role against. */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;

    CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        Caller caller = identity.getAttribute(CallerAugmentor.CALLER);
        if (caller == null) {
            throw ProblemException.unauthorized("Sign in first: a valid, unexpired bearer token is required");
        }
        return caller;
    }
}
