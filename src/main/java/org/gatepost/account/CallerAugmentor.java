package org.gatepost.account;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Checks every signed-in request against the database: a deactivated or deleted account's
 * tokens stop working at once, and the role and home place come from the account as it is now.
 */
@ApplicationScoped
public class CallerAugmentor implements SecurityIdentityAugmentor {

    static final String CALLER = "gatepost.caller";

    private final AccountRepository accounts;

    CallerAugmentor(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            Caller caller = QuarkusTransaction.requiringNew().call(() -> load(token));
            if (caller == null) {
                throw new AuthenticationFailedException("The account of this token is deactivated or gone");
            }
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(token)
                    .addCredentials(identity.getCredentials())
                    .addAttributes(identity.getAttributes())
                    .addAttribute(CALLER, caller)
                    .addRole(caller.role().name())
                    .build();
        });
    }

    private Caller load(JsonWebToken token) {
        UUID id;
        try {
            id = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
        Account account = accounts.findById(id);
        if (account == null || !account.active) {
            return null;
        }
        return new Caller(account.id, account.name, account.role, account.placeId);
    }
}
