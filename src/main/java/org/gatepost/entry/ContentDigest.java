package org.gatepost.entry;

import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.gatepost.account.Phones;

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

    /**
     * What the digest covers, in order, each part from the version that added it. An entry
     * field that should tell a resend from another entry is one new part with a new version
     * (and {@link #CURRENT} raised); older versions stay as they were.
     */
    private static final List<Part> PARTS = List.of(
            part(1, (r, v) -> r.id()),
            part(1, (r, v) -> r.checkpointId()),
            part(1, (r, v) -> r.occurredAt().toInstant()),
            part(1, (r, v) -> r.occurredAt().getOffset().getId()),
            part(1, (r, v) -> r.direction().name()),
            part(1, (r, v) -> r.resident()),
            part(1, (r, v) -> r.partySize()),
            part(1, (r, v) -> r.healthCode().name()),
            part(1, (r, v) -> r.healthCodeRead().name()),
            part(1, (r, v) -> r.temperature() == null ? null : r.temperature().setScale(1, RoundingMode.HALF_UP)),
            part(1, (r, v) -> r.decision().name()),
            part(1, (r, v) -> blankToNull(r.reason())),
            part(1, (r, v) -> blankToNull(r.note())),
            part(1, (r, v) -> visitor(r, EntryRequest.Visitor::origin)),
            part(1, (r, v) -> visitor(r, EntryRequest.Visitor::purpose)),
            part(1, (r, v) -> visitor(r, EntryRequest.Visitor::name)),
            part(1, ContentDigest::phone),
            part(1, (r, v) -> visitor(r, EntryRequest.Visitor::plate)),
            part(3, (r, v) -> r.reasonCode()));

    /** One part of the digest from version {@code since} on; {@code value} may depend on the version. */
    private record Part(int since, BiFunction<EntryRequest, Integer, Object> value) {
    }

    private static Part part(int since, BiFunction<EntryRequest, Integer, Object> value) {
        return new Part(since, value);
    }

    /** The digest of the request by the rule of {@code version}; null for a version this release does not know. */
    static byte[] of(int version, EntryRequest request) {
        if (version < 1 || version > CURRENT) {
            return null;
        }
        StringJoiner content = new StringJoiner("\u001f");
        for (Part part : PARTS) {
            if (part.since() <= version) {
                content.add(String.valueOf(part.value().apply(request, version)));
            }
        }
        return sha256(content.toString());
    }

    /** Version 1 digested the phone as typed, without separators; later ones in E.164. */
    private static String phone(EntryRequest request, int version) {
        String typed = visitor(request, EntryRequest.Visitor::phone);
        return typed == null ? null : version == 1 ? Phones.typedDigits(typed) : Phones.normalize("visitor.phone", typed);
    }

    private static String visitor(EntryRequest request, Function<EntryRequest.Visitor, String> field) {
        return request.visitor() == null ? null : blankToNull(field.apply(request.visitor()));
    }

    private static byte[] sha256(String content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
