package org.gatepost.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Refuses to start on settings that would fail later at a gate: production without database,
 * token keys, pass-signing key or phone-hash secret, tokens that live longer than a shift day, personal data
 * kept for less than a week, a phone region libphonenumber does not know.
 *
 * <p>It runs while the configuration is being read, before anything else: before the
 * datasource exists and before Flyway migrates, so a refused start has touched no database.
 * It adds no settings; it says in one short message, with no stack trace, what is missing,
 * and ends the process.
 * Production is every profile but dev and test, where the embedded PostgreSQL and generated
 * keys stand in (see {@link EmbeddedDatabaseConfigSourceFactory}).
 */
public class StartupChecks implements ConfigSourceFactory {

    static final Duration LONGEST_TOKEN = Duration.ofHours(12);
    static final Duration MINIMUM_RETENTION = Duration.ofDays(7);

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (building()) {
            // The build reads the configuration too, with this factory; keys and database are for running.
            return List.of();
        }
        List<String> profiles = context.getProfiles();
        boolean production = !profiles.contains("dev") && !profiles.contains("test");
        List<String> problems = problems(production, name -> Optional.ofNullable(context.getValue(name).getValue()));
        if (!problems.isEmpty()) {
            refusal.accept("Gatepost cannot start:\n  - " + String.join("\n  - ", problems));
        }
        return List.of();
    }

    /**
     * What a refused start does: say why and end the process at once. Nothing has started yet
     * to be shut down, and an exception here would surface while Quarkus initialises its static
     * state, as a long stack trace or worse. Tests replace it.
     */
    static volatile Consumer<String> refusal = message -> {
        System.err.println(message);
        System.err.flush();
        Runtime.getRuntime().halt(1);
    };

    /** Whether the configuration is being read by the build (Quarkus' augmentation) rather than to run. */
    private static boolean building() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(
                frame -> frame.getClassName().startsWith("io.quarkus.deployment.")));
    }

    static List<String> problems(boolean production, Function<String, Optional<String>> settings) {
        List<String> problems = new ArrayList<>();
        Duration tokenLifetime = duration(settings, "gatepost.token-lifetime", "PT8H");
        if (tokenLifetime == null || tokenLifetime.compareTo(LONGEST_TOKEN) > 0 || tokenLifetime.isNegative()
                || tokenLifetime.isZero()) {
            problems.add("gatepost.token-lifetime (GATEPOST_TOKEN_LIFETIME) must be positive and at most PT12H, not "
                    + settings.apply("gatepost.token-lifetime").orElse(""));
        }
        Duration retention = duration(settings, "gatepost.retention", "P28D");
        if (retention == null || retention.compareTo(MINIMUM_RETENTION) < 0) {
            problems.add("gatepost.retention (GATEPOST_RETENTION) must be at least P7D, not "
                    + settings.apply("gatepost.retention").orElse(""));
        }
        String region = settings.apply("gatepost.phone-region").filter(v -> !v.isBlank()).orElse("CN");
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            problems.add("gatepost.phone-region (GATEPOST_PHONE_REGION) must be a region code such as CN, HK or TW, not "
                    + region);
        }
        if (production) {
            if (missing(settings, "quarkus.datasource.jdbc.url")) {
                problems.add("no database: set quarkus.datasource.jdbc.url (QUARKUS_DATASOURCE_JDBC_URL) to the "
                        + "PostgreSQL JDBC URL, with QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD");
            }
            if (settings.apply("gatepost.phone-hash-secret").map(String::length).orElse(0) < 16) {
                problems.add("no secret for hashing visitors' phone numbers: set gatepost.phone-hash-secret "
                        + "(GATEPOST_PHONE_HASH_SECRET) to a random string of at least 16 characters");
            }
            if (missing(settings, "mp.jwt.verify.publickey.location") && missing(settings, "mp.jwt.verify.publickey")) {
                problems.add("no public key to verify tokens: set mp.jwt.verify.publickey.location "
                        + "(MP_JWT_VERIFY_PUBLICKEY_LOCATION) to the PEM file of the public key");
            }
            if (missing(settings, "smallrye.jwt.sign.key.location") && missing(settings, "smallrye.jwt.sign.key")) {
                problems.add("no private key to sign tokens: set smallrye.jwt.sign.key.location "
                        + "(SMALLRYE_JWT_SIGN_KEY_LOCATION) to the PEM file of the private key");
            }
            if (missing(settings, "gatepost.passes.signing-key")) {
                problems.add("no key to sign household passes: set gatepost.passes.signing-key "
                        + "(GATEPOST_PASSES_SIGNING_KEY) to the PEM file of an EC P-256 private key "
                        + "(deploy/generate-keys.sh writes pass-signing.pem)");
            }
        }
        return problems;
    }

    /** The setting as a duration (ISO-8601 or Quarkus' short form such as 8h), or null when unreadable. */
    private static Duration duration(Function<String, Optional<String>> settings, String name, String fallback) {
        try {
            return DurationConverter.parseDuration(settings.apply(name).filter(v -> !v.isBlank()).orElse(fallback));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean missing(Function<String, Optional<String>> settings, String name) {
        return settings.apply(name).map(String::isBlank).orElse(true);
    }
}
