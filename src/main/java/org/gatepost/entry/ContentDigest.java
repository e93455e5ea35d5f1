package org.gatepost.entry;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.gatepost.account.Phones;
import org.gatepost.common.Digests;

/**
 * The digest of an entry as sent, which tells a phone's resend of an entry (200, nothing
 * changes) from another entry reusing its id (409). Each entry keeps the version of the rule
 * its digest was made by, and a resend is digested by that same rule: a later change to what
 * the digest covers never turns an honest resend into a 409.
 *
 * <ol>
 *   <li>the visitor's phone as typed, without separators (the first release);</li>
 *   <li>the visitor's phone in E.164;</li>
 *   <li>and the coded refusal reason as sent.</li>
 * </ol>
 */
final class ContentDigest {

    /** The version new entries are stored with. */
    static final int CURRENT = 3;

    private ContentDigest() {
    }

    /** The hex digest of the request by the rule of {@code version}; null for a version this release does not know. */
    static String of(int version, EntryRequest request) {
        if (version < 1 || version > CURRENT) {
            return null;
        }
        EntryRequest.Visitor visitor = request.visitor();
        String typedPhone = visitor == null ? null : blankToNull(visitor.phone());
        String phone = typedPhone == null ? null
                : version == 1 ? Phones.typedDigits(typedPhone) : Phones.normalize("visitor.phone", typedPhone);
        BigDecimal temperature = request.temperature() == null ? null : request.temperature().setScale(1, RoundingMode.HALF_UP);
        String content = String.join("\u001f", request.id().toString(), request.checkpointId().toString(),
                request.occurredAt().toInstant().toString(), request.occurredAt().getOffset().getId(),
                request.direction().name(), request.resident().toString(), request.partySize().toString(),
                request.healthCode().name(), request.healthCodeRead().name(), String.valueOf(temperature),
                request.decision().name(), String.valueOf(blankToNull(request.reason())),
                String.valueOf(blankToNull(request.note())), String.valueOf(visitor == null ? null : blankToNull(visitor.origin())),
                String.valueOf(visitor == null ? null : blankToNull(visitor.purpose())),
                String.valueOf(visitor == null ? null : blankToNull(visitor.name())), String.valueOf(phone),
                String.valueOf(visitor == null ? null : blankToNull(visitor.plate())))
                + (version >= 3 ? "\u001f" + request.reasonCode() : "");
        return Digests.sha256Hex(content);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
