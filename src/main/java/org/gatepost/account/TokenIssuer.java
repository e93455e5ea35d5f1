package org.gatepost.account;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.gatepost.common.GatepostConfig;

/** Signs the RS256 tokens that sign-in hands out. */
@ApplicationScoped
public class TokenIssuer {

    public static final String PLACE_CLAIM = "placeId";
    /** The account's token generation at issue; see {@link Account#tokenGeneration}. */
    public static final String GENERATION_CLAIM = "gen";

    private final GatepostConfig config;
    private final String issuer;

    TokenIssuer(GatepostConfig config, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        this.config = config;
        this.issuer = issuer;
    }

    public record Token(String token, Instant expiresAt) {
    }

    public Token issue(Account account, Instant now) {
        Instant expiresAt = now.plus(config.tokenLifetime());
        JwtClaimsBuilder claims = Jwt.issuer(issuer)
                .subject(account.id.toString())
                .upn(account.id.toString())
                .groups(account.role.name())
                .claim("jti", UUID.randomUUID().toString())
                .claim("name", account.name)
                .claim(GENERATION_CLAIM, account.tokenGeneration)
                .issuedAt(now)
                .expiresAt(expiresAt);
        if (account.placeId != null) {
            claims.claim(PLACE_CLAIM, account.placeId.toString());
        }
        return new Token(claims.sign(), expiresAt);
    }
}
