package org.gatepost.apikey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

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
 * request, so a revoked or expired key, or one whose maker's account was deactivated, stops at once. Any other bearer token is left to the
 * JWT provider.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final DataSource database;

    ApiKeyIdentityProvider(DataSource database) {
        this.database = database;
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
            Caller caller;
            try {
                caller = load(token);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the API key", e);
            }
            if (caller == null) {
                throw new AuthenticationFailedException("Unknown, revoked or expired API key");
            }
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("api-key:" + caller.accountId()))
                    .addCredential(request.getToken())
                    .addRole(Role.NAME_DASHBOARD)
                    .addAttribute(CurrentCaller.CALLER, caller)
                    .build();
        });
    }

    private Caller load(String token) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT k.id, k.name, k.place_id FROM api_key k
                     JOIN account creator ON creator.id = k.created_by AND creator.active
                     WHERE k.key_digest = ? AND k.revoked_at IS NULL AND k.expires_at > now()
                     """)) {
            select.setBytes(1, ApiKeyService.digest(token));
            try (ResultSet key = select.executeQuery()) {
                if (!key.next()) {
                    return null;
                }
                return new Caller(key.getObject(1, UUID.class), key.getString(2), Role.OFFICIAL,
                        key.getObject(3, UUID.class), true);
            }
        }
    }
}
