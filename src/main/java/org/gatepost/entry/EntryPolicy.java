package org.gatepost.entry;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The rule at the gate, "一測溫、二登記、三受理": take the temperature, register, then admit.
 * A pure function of what was recorded; the server applies it to every entry.
 */
public final class EntryPolicy {

    public static final BigDecimal LOWEST_PLAUSIBLE = new BigDecimal("34.0");
    public static final BigDecimal HIGHEST_PLAUSIBLE = new BigDecimal("43.0");
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final BigDecimal feverThreshold;
    private final Duration retention;

    public EntryPolicy(BigDecimal feverThreshold, Duration retention) {
        this.feverThreshold = feverThreshold;
        this.retention = retention;
    }

    /** What the policy looks at. */
    public record Facts(Instant occurredAt, boolean resident, HealthCode code, BigDecimal temperature, Decision decision,
                        boolean visitorOriginGiven, boolean visitorPurposeGiven, boolean visitorDetailsGiven,
                        boolean reasonCodeGiven) {
    }

    /** A broken rule: the field it concerns and what a person at the gate should read. */
    public record Violation(String field, String message) {
    }

    public boolean isFever(BigDecimal temperature) {
        return temperature != null && temperature.compareTo(feverThreshold) >= 0;
    }

    /** The first rule the entry breaks, if any. */
    public Optional<Violation> check(Facts facts, Instant now) {
        if (facts.occurredAt().isAfter(now.plus(FUTURE_TOLERANCE))) {
            return violation("occurredAt", "lies in the future; check the phone's clock");
        }
        if (facts.occurredAt().isBefore(now.minus(retention))) {
            return violation("occurredAt", "is older than the retention period of " + retention.toDays() + " days");
        }
        BigDecimal temperature = facts.temperature();
        if (temperature != null && (temperature.compareTo(LOWEST_PLAUSIBLE) < 0 || temperature.compareTo(HIGHEST_PLAUSIBLE) > 0)) {
            return violation("temperature", temperature.toPlainString() + " °C is implausible; measure again (34.0 to 43.0 °C)");
        }
        if (facts.decision() == Decision.ADMITTED && facts.reasonCodeGiven()) {
            return violation("reasonCode", "an admission has no refusal reason");
        }
        if (facts.decision() == Decision.ADMITTED) {
            if (facts.code() == HealthCode.RED || facts.code() == HealthCode.YELLOW) {
                return violation("decision", "a " + facts.code() + " health code can never be admitted; refuse or refer");
            }
            if (isFever(temperature)) {
                return violation("decision", temperature.toPlainString() + " °C is a fever (" + feverThreshold.toPlainString()
                        + " °C or more) and can never be admitted; refuse or refer");
            }
            boolean unread = facts.code() == HealthCode.NO_PHONE || facts.code() == HealthCode.UNREADABLE
                    || facts.code() == HealthCode.PAPER_PASS;
            if (unread && temperature == null) {
                return violation("temperature", "take the temperature before admitting someone whose health code is "
                        + facts.code());
            }
        }
        if (!facts.resident()) {
            if (!facts.visitorOriginGiven()) {
                return violation("visitor.origin", "register where a visitor comes from");
            }
            if (!facts.visitorPurposeGiven()) {
                return violation("visitor.purpose", "register why a visitor comes");
            }
        } else if (facts.visitorDetailsGiven()) {
            return violation("visitor", "only visitors are registered with origin, purpose and contact; this entry is a resident");
        }
        return Optional.empty();
    }

    /**
     * The coded reason of an entry not admitted: the one given, or else the rule's own (a red
     * code, a fever, a yellow code, no readable code and no temperature, anything else);
     * none for an admission.
     */
    public RefusalReason reasonCode(HealthCode code, BigDecimal temperature, Decision decision, RefusalReason given) {
        if (decision == Decision.ADMITTED) {
            return null;
        }
        if (given != null) {
            return given;
        }
        if (code == HealthCode.RED) {
            return RefusalReason.RED_CODE;
        }
        if (isFever(temperature)) {
            return RefusalReason.FEVER;
        }
        if (code == HealthCode.YELLOW) {
            return RefusalReason.YELLOW_CODE;
        }
        if ((code == HealthCode.NO_PHONE || code == HealthCode.UNREADABLE) && temperature == null) {
            return RefusalReason.NO_HEALTH_CODE;
        }
        return RefusalReason.OTHER;
    }

    /** The alert an entry raises: when refused or referred for a red or yellow code or a fever. */
    public Optional<AlertKind> alertFor(HealthCode code, BigDecimal temperature, Decision decision) {
        if (decision == Decision.ADMITTED) {
            return Optional.empty();
        }
        if (code == HealthCode.RED) {
            return Optional.of(AlertKind.RED_CODE);
        }
        if (isFever(temperature)) {
            return Optional.of(AlertKind.FEVER);
        }
        if (code == HealthCode.YELLOW) {
            return Optional.of(AlertKind.YELLOW_CODE);
        }
        return Optional.empty();
    }

    private static Optional<Violation> violation(String field, String message) {
        return Optional.of(new Violation(field, message));
    }
}
