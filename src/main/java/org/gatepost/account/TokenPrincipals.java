package org.gatepost.account;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtContext;

/**
 * Makes the principal of a bearer token as smallrye-jwt's {@link DefaultJWTCallerPrincipalFactory}
 * does, with the same parser (signature, issuer, expiry: nothing about the checks changes), but
 * as a {@link Principal}, which reads a custom claim without throwing an exception.
 *
 * <p>smallrye-jwt tells standard claims from custom ones with {@code Claims.valueOf(name)}, and
 * for a custom claim that throws an {@link IllegalArgumentException}, caught at once. Every
 * signed-in request reads the token's generation ({@link TokenIssuer#GENERATION_CLAIM}, see
 * {@link CallerAugmentor}), so every request filled in the stack trace of an exception, some
 * 150 frames deep on the event loop: about 12 µs of CPU per request, the largest single cost of
 * checking a caller (async-profiler, bench/authpath.sh).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TokenPrincipals extends JWTCallerPrincipalFactory {

    private final DefaultJWTTokenParser parser = new DefaultJWTTokenParser();

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        JwtContext verified = parser.parse(token, context);
        return new Principal(verified.getJoseObjects().get(0).getHeader("typ"), verified.getJwtClaims());
    }

    /** smallrye-jwt's principal, with the standard claims looked up in a map instead of by {@code Claims.valueOf}. */
    static final class Principal extends DefaultJWTCallerPrincipal {

        /** What {@code Claims.valueOf} answers for each name it knows; every other name is UNKNOWN (a custom claim). */
        private static final Map<String, Claims> STANDARD = Arrays.stream(Claims.values())
                .collect(Collectors.toUnmodifiableMap(Claims::name, Function.identity()));

        Principal(String tokenType, JwtClaims claims) {
            super(tokenType, claims);
        }

        @Override
        protected Claims getClaimType(String claimName) {
            return STANDARD.getOrDefault(claimName, Claims.UNKNOWN);
        }
    }
}
