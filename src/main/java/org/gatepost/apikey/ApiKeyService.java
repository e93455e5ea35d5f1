package org.gatepost.apikey;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.gatepost.caller.Caller;
import org.gatepost.audit.AuditKind;
import org.gatepost.audit.AuditLog;
import org.gatepost.common.Digests;
import org.gatepost.common.GatepostConfig;
import org.gatepost.common.IfMatch;
import org.gatepost.common.ProblemException;
import org.gatepost.common.TimeRange;
import org.gatepost.place.Place;
import org.gatepost.place.PlaceService;

/**
 * Read-only keys for dashboard systems. A key is 32 random bytes, shown once; only its
 * SHA-256 digest is stored (a random secret needs no slow hash), and every request checks
 * it is neither revoked nor expired.
 */
@ApplicationScoped
@Transactional
public class ApiKeyService {

    public static final String PREFIX = "gpk_";
    static final Duration LONGEST_LIFE = Duration.ofDays(366);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyRepository keys;
    private final PlaceService places;
    private final AuditLog audit;
    private final ZoneId zone;

    ApiKeyService(ApiKeyRepository keys, PlaceService places, GatepostConfig config, AuditLog audit) {
        this.audit = audit;
        this.keys = keys;
        this.places = places;
        this.zone = config.timeZone();
    }

    public ApiKeyView create(Caller caller, CreateApiKeyRequest request) {
        Place place = places.referenced(caller, request.placeId(), "placeId");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = request.expiresAt().toInstant();
        if (!expires.isAfter(now)) {
            throw ProblemException.rule("expiresAt", "must lie in the future");
        }
        if (expires.isAfter(now.plus(LONGEST_LIFE))) {
            throw ProblemException.rule("expiresAt", "a key lives at most a year; make a new one then");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKey apiKey = new ApiKey();
        apiKey.id = UUID.randomUUID();
        apiKey.name = request.name().trim();
        apiKey.placeId = place.id;
        apiKey.keyDigest = digest(key);
        apiKey.createdBy = caller.accountId();
        apiKey.createdAt = now;
        apiKey.expiresAt = expires;
        keys.persist(apiKey);
        keys.flush();
        audit.changed(AuditKind.API_KEY_CREATED, caller.accountId(), caller.role().name(), "API_KEY", apiKey.id, apiKey.name + " for place " + place.id);
        return view(apiKey, key);
    }

    /** The keys of the caller's area (all of them for admins). */
    public List<ApiKeyView> list(Caller caller) {
        return keys.below(caller.isAdmin() ? null : caller.placeId()).stream().map(k -> view(k, null)).toList();
    }

    public ApiKeyView get(Caller caller, UUID id) {
        return view(visible(caller, id), null);
    }

    /** Revokes a key at once; revoking it again changes nothing. */
    public void revoke(Caller caller, UUID id, IfMatch ifMatch) {
        ApiKey key = visible(caller, id);
        ifMatch.require(key.version, "API key " + id);
        if (key.revokedAt == null) {
            key.revokedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            key.revokedBy = caller.accountId();
            keys.flush();
            audit.changed(AuditKind.API_KEY_REVOKED, caller.accountId(), caller.role().name(), "API_KEY", key.id, key.name);
        }
    }

    private ApiKey visible(Caller caller, UUID id) {
        ApiKey key = keys.findById(id);
        if (key == null || !places.covers(caller, key.placeId)) {
            throw ProblemException.notFound("API key " + id);
        }
        return key;
    }

    static byte[] digest(String key) {
        return Digests.sha256(key);
    }

    private ApiKeyView view(ApiKey key, String secret) {
        return new ApiKeyView(key.id, key.name, key.placeId, TimeRange.local(key.createdAt, zone),
                TimeRange.local(key.expiresAt, zone), key.revokedAt != null, secret, key.version);
    }
}
