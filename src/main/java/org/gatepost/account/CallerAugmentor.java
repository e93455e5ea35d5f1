package org.gatepost.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.gatepost.caller.Caller;
import org.gatepost.caller.Role;
import org.gatepost.caller.CurrentCaller;
import javax.sql.DataSource;

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
 * Checks every signed-in request against the database: a deactivated or deleted account's
 * tokens stop working at once, so do tokens issued before a change of password, role or home
 * place, and the role and home place come from the account as it is now.
 */
@ApplicationScoped
public class CallerAugmentor implements SecurityIdentityAugmentor {

    private final DataSource database;

    CallerAugmentor(DataSource database) {
        this.database = database;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            Caller caller;
            try {
                caller = load(token);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the caller's account", e);
            }
            if (caller == null) {
                throw new AuthenticationFailedException("The account of this token is deactivated or gone, "
                        + "or its password, role or home place changed since the token was issued");
            }
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(token)
                    .addCredentials(identity.getCredentials())
                    .addAttributes(identity.getAttributes())
                    .addAttribute(CurrentCaller.CALLER, caller)
                    .addRole(caller.role().name())
                    .build();
        });
    }

    /** One indexed read per request, in plain JDBC outside any transaction: this runs before every call. */
    private Caller load(JsonWebToken token) throws SQLException {
        UUID id;
        try {
            id = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT name, role, place_id, token_generation FROM account WHERE id = ? AND active")) {
            select.setObject(1, id);
            try (ResultSet account = select.executeQuery()) {
                if (!account.next() || account.getLong("token_generation") != generation(token)) {
                    return null;
                }
                return new Caller(id, account.getString("name"), Role.valueOf(account.getString("role")),
                        account.getObject("place_id", UUID.class));
            }
        }
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
