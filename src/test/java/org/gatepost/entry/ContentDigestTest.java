package org.gatepost.entry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Digests already stored are compared on every resend: each version must stay exactly what it was. */
class ContentDigestTest {

    private static final EntryRequest VISITOR = new EntryRequest(UUID.fromString("6f1c1f9e-2b7a-4c55-9d7e-0c2a4d1e9b10"),
            UUID.fromString("0a6b5b0c-8f52-4a2e-bb3f-61c8e2b8d3a4"), OffsetDateTime.parse("2020-02-12T08:30:00+08:00"),
            Direction.IN, false, 2, HealthCode.YELLOW, HealthCodeRead.SCANNED, new BigDecimal("37.25"), Decision.REFERRED,
            RefusalReason.YELLOW_CODE, "  sent home  ", " ", new EntryRequest.Visitor("Wuhan", "family", "Li", "138 0013 8000",
            null), null);

    @Test
    void theCurrentDigestOfAPhoneReadOnceIsTheDigestOfTheRequest() {
        assertArrayEquals(ContentDigest.of(ContentDigest.CURRENT, VISITOR), ContentDigest.current(VISITOR, "+8613800138000"));
    }

    @Test
    void versionThreeIsTheFieldsAsSentJoinedByUnitSeparatorThenTheReasonCode() throws Exception {
        String content = String.join("\u001f", "6f1c1f9e-2b7a-4c55-9d7e-0c2a4d1e9b10", "0a6b5b0c-8f52-4a2e-bb3f-61c8e2b8d3a4",
                "2020-02-12T00:30:00Z", "+08:00", "IN", "false", "2", "YELLOW", "SCANNED", "37.3", "REFERRED", "sent home",
                "null", "Wuhan", "family", "Li", "+8613800138000", "null", "YELLOW_CODE");
        assertArrayEquals(sha256(content), ContentDigest.of(3, VISITOR));
    }

    @Test
    void versionFourAddsTheHouseholdPassOrNull() throws Exception {
        String content = String.join("\u001f", "6f1c1f9e-2b7a-4c55-9d7e-0c2a4d1e9b10", "0a6b5b0c-8f52-4a2e-bb3f-61c8e2b8d3a4",
                "2020-02-12T00:30:00Z", "+08:00", "IN", "false", "2", "YELLOW", "SCANNED", "37.3", "REFERRED", "sent home",
                "null", "Wuhan", "family", "Li", "+8613800138000", "null", "YELLOW_CODE", "null");
        assertArrayEquals(sha256(content), ContentDigest.of(4, VISITOR));
    }

    @Test
    void versionOneKeptThePhoneAsTypedAndNoReasonCode() throws Exception {
        String content = String.join("\u001f", "6f1c1f9e-2b7a-4c55-9d7e-0c2a4d1e9b10", "0a6b5b0c-8f52-4a2e-bb3f-61c8e2b8d3a4",
                "2020-02-12T00:30:00Z", "+08:00", "IN", "false", "2", "YELLOW", "SCANNED", "37.3", "REFERRED", "sent home",
                "null", "Wuhan", "family", "Li", "13800138000", "null");
        assertArrayEquals(sha256(content), ContentDigest.of(1, VISITOR));
    }

    @Test
    void anUnknownVersionHasNoDigest() {
        assertNull(ContentDigest.of(ContentDigest.CURRENT + 1, VISITOR));
    }

    private static byte[] sha256(String content) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
    }
}
