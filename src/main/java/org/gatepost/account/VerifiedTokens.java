package org.gatepost.account;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer tokens of requests, verified once and then remembered until they expire. A
 * phone sends the same token with every request for hours; checking its RS256 signature
 * each time was about a fifth of a recorded entry's CPU. Remembering is safe because the
 * key is the whole token, signature included (a changed token is verified anew), and an
 * entry leaves at the token's {@code exp} (without the verifier's clock skew: stricter).
 * What can stop a valid token before then is the account's business, not the token's:
 * {@link CallerAugmentor} checks every request against the account as it is now.
 * Only {@link #parse(String)}, which checks a request's token, is remembered; the rest is
 * the default parser's.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    /** Tokens in use at once on one instance: one per signed-in phone, many times over. */
    static final int LARGEST = 100_000;

    private final DefaultJWTParser verifier;
    private final Cache<String, JsonWebToken> verified = Caffeine.newBuilder()
            .maximumSize(LARGEST)
            .expireAfter(new UntilExpiry())
            // The cache's upkeep (recording reads, expiring) runs on the thread that reads, in
            // short steps: handed to the common pool, it woke another thread every few requests
            // only to do a few microseconds of work (seen in async-profiler, bench/authpath.sh).
            .executor(Runnable::run)
            .build();

    VerifiedTokens(DefaultJWTParser verifier) {
        this.verifier = verifier;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        JsonWebToken checked = verifier.parse(token);
        if (Instant.ofEpochSecond(checked.getExpirationTime()).isAfter(Instant.now())) {
            verified.put(token, checked); // accepted within the clock skew after its exp: not kept
        }
        return checked;
    }

    /** How many tokens are remembered (for tests). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    /** An entry lives until its token's {@code exp}, whatever happens to it meanwhile. */
    private static final class UntilExpiry implements Expiry<String, JsonWebToken> {

        @Override
        public long expireAfterCreate(String key, JsonWebToken token, long currentTime) {
            long left = Duration.between(Instant.now(), Instant.ofEpochSecond(token.getExpirationTime())).toNanos();
            return Math.max(0, left);
        }

        @Override
        public long expireAfterUpdate(String key, JsonWebToken token, long currentTime, long currentDuration) {
            return currentDuration;
        }

        @Override
        public long expireAfterRead(String key, JsonWebToken token, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
