package org.gatepost.entry;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import org.gatepost.common.GatepostConfig;

/**
 * Keyed hash (HMAC-SHA256) of visitors' phone numbers: the same number gives the same hash,
 * so a repeat visitor is recognised, but the number itself is not kept. Production requires
 * the secret; dev mode and tests make one per run.
 */
@ApplicationScoped
public class PhoneHasher {

    private final SecretKeySpec key;

    PhoneHasher(GatepostConfig config) {
        byte[] secret = config.phoneHashSecret().map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            Log.info("No gatepost.phone-hash-secret set: visitors' phone hashes are comparable within this run only");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public byte[] hash(String normalizedPhone) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(normalizedPhone.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
