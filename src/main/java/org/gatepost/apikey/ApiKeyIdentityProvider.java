package org.gatepost.apikey;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import org.gatepost.caller.Caller;
import org.gatepost.caller.CurrentCaller;
import org.gatepost.caller.Role;

/**
 * Signs in a dashboard's API key ("Bearer gpk_..."): checked against PostgreSQL on every
 * request, so a revoked or expired key, or one whose maker's account was deactivated, stops at
 * once. Any other bearer token is left to the JWT provider.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final ApiKeyRepository keys;

    ApiKeyIdentityProvider(ApiKeyRepository keys) {
        this.keys = keys;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Before the JWT provider (which has the default, 1001), so that keys are never parsed as JWTs. */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        if (token == null || !token.startsWith(ApiKeyService.PREFIX)) {
            return Uni.createFrom().nullItem();
        }
        return context.runBlocking(() -> {
            Caller caller = keys.live(ApiKeyService.digest(token))
                    .map(key -> new Caller(key.id(), key.name(), Role.OFFICIAL, key.placeId(), true))
                    .orElseThrow(() -> new AuthenticationFailedException("Unknown, revoked or expired API key"));
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("api-key:" + caller.accountId()))
                    .addCredential(request.getToken())
                    .addRole(Role.NAME_DASHBOARD)
                    .addAttribute(CurrentCaller.CALLER, caller)
                    .build();
        });
    }
}
