package org.gatepost.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** A token is verified once while it is valid; an expired or refused one is never remembered. */
class VerifiedTokensTest {

    /** Accepts "good-..." tokens (valid for an hour) and "old-..." (expired a minute ago); refuses the rest. */
    static class FakeVerifier extends DefaultJWTParser {
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            checks.incrementAndGet();
            if (token.startsWith("good-")) {
                return new Token(Instant.now().plusSeconds(3600).getEpochSecond());
            }
            if (token.startsWith("old-")) {
                return new Token(Instant.now().minusSeconds(60).getEpochSecond());
            }
            throw new ParseException("signature does not match");
        }
    }

    record Token(long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return "someone";
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return "exp".equals(claimName) ? (T) Long.valueOf(exp) : null;
        }
    }

    @Test
    void aValidTokenIsVerifiedOnceAndItsSignatureIsPartOfTheKey() throws ParseException {
        FakeVerifier verifier = new FakeVerifier();
        VerifiedTokens tokens = new VerifiedTokens(verifier);

        JsonWebToken first = tokens.parse("good-a");
        assertSame(first, tokens.parse("good-a"));
        assertEquals(1, verifier.checks.get());

        tokens.parse("good-a-tampered");
        assertEquals(2, verifier.checks.get(), "another string is verified anew");
    }

    @Test
    void expiredAndRefusedTokensAreNotRemembered() {
        FakeVerifier verifier = new FakeVerifier();
        VerifiedTokens tokens = new VerifiedTokens(verifier);

        assertThrows(ParseException.class, () -> tokens.parse("forged"));
        assertThrows(ParseException.class, () -> tokens.parse("forged"));
        assertEquals(2, verifier.checks.get());

        assertDoesNotThrowTwice(tokens, "old-a");
        assertEquals(4, verifier.checks.get(), "a token past its exp is checked again every time");
        assertEquals(0, tokens.size());
    }

    private static void assertDoesNotThrowTwice(VerifiedTokens tokens, String token) {
        try {
            tokens.parse(token);
            tokens.parse(token);
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }
}
