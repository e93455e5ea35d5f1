package org.gatepost.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class EntryPolicyTest {

    static final Instant NOW = Instant.parse("2020-02-12T08:30:00Z");
    final EntryPolicy policy = new EntryPolicy(new BigDecimal("37.3"), Duration.ofDays(28));

    @Test
    void admitsAGreenResidentWithANormalTemperature() {
        assertEquals(Optional.empty(), policy.check(resident(HealthCode.GREEN, "36.5", Decision.ADMITTED), NOW));
        assertEquals(Optional.empty(), policy.check(resident(HealthCode.GREEN, null, Decision.ADMITTED), NOW));
    }

    @Test
    void refusesAdmissionWithRedCode() {
        assertEquals("decision", field(resident(HealthCode.RED, "36.5", Decision.ADMITTED)));
    }

    @Test
    void refusesAdmissionWithYellowCode() {
        assertEquals("decision", field(resident(HealthCode.YELLOW, "36.5", Decision.ADMITTED)));
    }

    @Test
    void aFeverStartsAt37Point3AndIsNeverAdmitted() {
        assertEquals("decision", field(resident(HealthCode.GREEN, "37.3", Decision.ADMITTED)));
        assertEquals(Optional.empty(), policy.check(resident(HealthCode.GREEN, "37.2", Decision.ADMITTED), NOW));
        assertTrue(policy.isFever(new BigDecimal("37.3")));
        assertFalse(policy.isFever(new BigDecimal("37.2")));
        assertFalse(policy.isFever(null));
    }

    @Test
    void theFeverThresholdIsConfigurable() {
        EntryPolicy stricter = new EntryPolicy(new BigDecimal("37.0"), Duration.ofDays(28));
        assertTrue(stricter.check(resident(HealthCode.GREEN, "37.1", Decision.ADMITTED), NOW).isPresent());
    }

    @Test
    void unreadCodesAreAdmittedOnlyWithATemperature() {
        for (HealthCode code : new HealthCode[] {HealthCode.NO_PHONE, HealthCode.UNREADABLE, HealthCode.PAPER_PASS}) {
            assertEquals("temperature", field(resident(code, null, Decision.ADMITTED)), code.name());
            assertEquals(Optional.empty(), policy.check(resident(code, "36.6", Decision.ADMITTED), NOW), code.name());
            assertEquals(Optional.empty(), policy.check(resident(code, null, Decision.REFUSED), NOW), code.name());
        }
    }

    @Test
    void refusesImplausibleTemperatures() {
        assertEquals("temperature", field(resident(HealthCode.GREEN, "33.9", Decision.REFUSED)));
        assertEquals("temperature", field(resident(HealthCode.GREEN, "43.1", Decision.REFERRED)));
        assertEquals(Optional.empty(), policy.check(resident(HealthCode.GREEN, "34.0", Decision.REFERRED), NOW));
        assertEquals(Optional.empty(), policy.check(resident(HealthCode.GREEN, "43.0", Decision.REFERRED), NOW));
    }

    @Test
    void refusesEntriesFromTheFutureOrOlderThanRetention() {
        EntryPolicy.Facts future = new EntryPolicy.Facts(NOW.plus(Duration.ofMinutes(6)), true, HealthCode.GREEN, null,
                Decision.ADMITTED, false, false, false, false);
        assertEquals("occurredAt", policy.check(future, NOW).orElseThrow().field());
        EntryPolicy.Facts slightlyAhead = new EntryPolicy.Facts(NOW.plus(Duration.ofMinutes(4)), true, HealthCode.GREEN,
                null, Decision.ADMITTED, false, false, false, false);
        assertEquals(Optional.empty(), policy.check(slightlyAhead, NOW));
        EntryPolicy.Facts old = new EntryPolicy.Facts(NOW.minus(Duration.ofDays(29)), true, HealthCode.GREEN, null,
                Decision.ADMITTED, false, false, false, false);
        assertEquals("occurredAt", policy.check(old, NOW).orElseThrow().field());
    }

    @Test
    void visitorsRegisterWhereFromAndWhy() {
        EntryPolicy.Facts noOrigin = new EntryPolicy.Facts(NOW, false, HealthCode.GREEN, new BigDecimal("36.5"),
                Decision.ADMITTED, false, true, true, false);
        assertEquals("visitor.origin", policy.check(noOrigin, NOW).orElseThrow().field());
        EntryPolicy.Facts noPurpose = new EntryPolicy.Facts(NOW, false, HealthCode.GREEN, new BigDecimal("36.5"),
                Decision.ADMITTED, true, false, true, false);
        assertEquals("visitor.purpose", policy.check(noPurpose, NOW).orElseThrow().field());
        EntryPolicy.Facts residentWithVisitorData = new EntryPolicy.Facts(NOW, true, HealthCode.GREEN,
                new BigDecimal("36.5"), Decision.ADMITTED, true, true, true, false);
        assertEquals("visitor", policy.check(residentWithVisitorData, NOW).orElseThrow().field());
    }

    @Test
    void alertsForRefusalsAndReferralsOverCodesAndFevers() {
        assertEquals(Optional.of(AlertKind.RED_CODE), policy.alertFor(HealthCode.RED, new BigDecimal("38.0"), Decision.REFUSED));
        assertEquals(Optional.of(AlertKind.FEVER), policy.alertFor(HealthCode.GREEN, new BigDecimal("38.0"), Decision.REFERRED));
        assertEquals(Optional.of(AlertKind.YELLOW_CODE), policy.alertFor(HealthCode.YELLOW, null, Decision.REFERRED));
        assertEquals(Optional.empty(), policy.alertFor(HealthCode.NO_PHONE, null, Decision.REFUSED));
        assertEquals(Optional.empty(), policy.alertFor(HealthCode.GREEN, new BigDecimal("36.5"), Decision.ADMITTED));
    }

    @Test
    void refusalsCarryACodedReasonAndAdmissionsNone() {
        assertEquals(RefusalReason.RED_CODE, policy.reasonCode(HealthCode.RED, new BigDecimal("38.0"), Decision.REFUSED, null));
        assertEquals(RefusalReason.FEVER, policy.reasonCode(HealthCode.GREEN, new BigDecimal("37.3"), Decision.REFERRED, null));
        assertEquals(RefusalReason.YELLOW_CODE, policy.reasonCode(HealthCode.YELLOW, null, Decision.REFERRED, null));
        assertEquals(RefusalReason.NO_HEALTH_CODE, policy.reasonCode(HealthCode.NO_PHONE, null, Decision.REFUSED, null));
        assertEquals(RefusalReason.OTHER, policy.reasonCode(HealthCode.GREEN, new BigDecimal("36.5"), Decision.REFUSED, null));
        assertEquals(RefusalReason.NOT_REGISTERED,
                policy.reasonCode(HealthCode.GREEN, null, Decision.REFUSED, RefusalReason.NOT_REGISTERED));
        assertEquals(null, policy.reasonCode(HealthCode.GREEN, null, Decision.ADMITTED, RefusalReason.OTHER));
        EntryPolicy.Facts admittedWithReason = new EntryPolicy.Facts(NOW, true, HealthCode.GREEN, new BigDecimal("36.5"),
                Decision.ADMITTED, false, false, false, true);
        assertEquals("reasonCode", field(admittedWithReason));
    }

    private String field(EntryPolicy.Facts facts) {
        return policy.check(facts, NOW).orElseThrow().field();
    }

    private static EntryPolicy.Facts resident(HealthCode code, String temperature, Decision decision) {
        return new EntryPolicy.Facts(NOW, true, code, temperature == null ? null : new BigDecimal(temperature), decision,
                false, false, false, false);
    }
}
