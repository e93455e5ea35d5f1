package org.gatepost.account;

import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import org.gatepost.caller.Caller;
import org.gatepost.caller.CurrentCaller;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Checks every signed-in request against the account: a deactivated or deleted account's
 * tokens stop working at once, so do tokens issued before a change of password, role or home
 * place, and the role and home place come from the account as it is now. The account comes
 * from memory when {@link AccountCache} holds it (no round trip, no hop off the event loop),
 * else from the database.
 */
@ApplicationScoped
public class CallerAugmentor implements SecurityIdentityAugmentor {

    private final AccountCache accounts;

    CallerAugmentor(AccountCache accounts) {
        this.accounts = accounts;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        UUID id;
        try {
            id = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Uni.createFrom().failure(refused());
        }
        Optional<AccountCache.Facts> kept = accounts.kept(id);
        if (kept != null) {
            return kept.isPresent() && kept.get().tokenGeneration() == generation(token)
                    ? Uni.createFrom().item(identity(identity, token, id, kept.get()))
                    : Uni.createFrom().failure(refused());
        }
        return context.runBlocking(() -> {
            Optional<AccountCache.Facts> account;
            try {
                account = accounts.read(id);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the caller's account", e);
            }
            if (account.isEmpty() || account.get().tokenGeneration() != generation(token)) {
                throw refused();
            }
            return identity(identity, token, id, account.get());
        });
    }

    private static SecurityIdentity identity(SecurityIdentity identity, JsonWebToken token, UUID id,
                                             AccountCache.Facts account) {
        Caller caller = new Caller(id, account.name(), account.role(), account.placeId());
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(token)
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addAttribute(CurrentCaller.CALLER, caller)
                .addRole(caller.role().name())
                .build();
    }

    private static AuthenticationFailedException refused() {
        return new AuthenticationFailedException("The account of this token is deactivated or gone, "
                + "or its password, role or home place changed since the token was issued");
    }

    /** Tokens issued before generations existed carry none: they belong to generation 0. */
    private static long generation(JsonWebToken token) {
        Object claim = token.getClaim(TokenIssuer.GENERATION_CLAIM);
        if (claim instanceof JsonNumber number) {
            return number.longValue();
        }
        if (claim instanceof Number number) {
            return number.longValue();
        }
        return claim == null ? 0 : -1;
    }
}
