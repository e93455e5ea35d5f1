package org.gatepost.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;

import jakarta.json.JsonNumber;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** The principal reads claims as smallrye-jwt's own does; only the way it tells custom claims differs. */
class TokenPrincipalsTest {

    private static JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://gatepost.local");
        claims.setSubject("00000000-0000-4000-8000-000000030001");
        claims.setStringListClaim(Claims.groups.name(), List.of("VOLUNTEER"));
        claims.setIssuedAt(NumericDate.fromSeconds(1_700_000_000L));
        claims.setExpirationTime(NumericDate.fromSeconds(1_700_028_800L));
        claims.setClaim(TokenIssuer.GENERATION_CLAIM, 3);
        return claims;
    }

    @Test
    void readsEveryClaimAsTheDefaultPrincipal() {
        TokenPrincipals.Principal ours = new TokenPrincipals.Principal("JWT", claims());
        DefaultJWTCallerPrincipal theirs = new DefaultJWTCallerPrincipal("JWT", claims());
        for (String name : List.of("iss", "sub", "groups", "iat", "exp", TokenIssuer.GENERATION_CLAIM, "absent")) {
            assertEquals(String.valueOf((Object) theirs.getClaim(name)), String.valueOf((Object) ours.getClaim(name)), name);
        }
        assertEquals(Set.of("VOLUNTEER"), ours.getGroups());
        assertEquals(1_700_028_800L, ours.getExpirationTime());
        JsonNumber generation = assertInstanceOf(JsonNumber.class, ours.getClaim(TokenIssuer.GENERATION_CLAIM));
        assertEquals(3, generation.longValue());
        assertNull(ours.getClaim("absent"));
    }

    @Test
    void knowsTheStandardClaimsByTheirEnumNames() {
        TokenPrincipals.Principal principal = new TokenPrincipals.Principal("JWT", claims());
        for (Claims claim : Claims.values()) {
            assertEquals(claim, principal.getClaimType(claim.name()));
        }
        assertEquals(Claims.UNKNOWN, principal.getClaimType(TokenIssuer.GENERATION_CLAIM));
        assertEquals(Claims.UNKNOWN, principal.getClaimType("SUB")); // valueOf is case-sensitive too
    }
}
