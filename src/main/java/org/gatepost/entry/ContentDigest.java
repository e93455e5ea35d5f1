package org.gatepost.entry;

import java.math.RoundingMode;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.BiFunction;
import java.util.function.Function;

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
 *   <li>and the coded refusal reason as sent;</li>
 *   <li>and the household pass it was made from (household and serial, or null).</li>
 * </ol>
 */
final class ContentDigest {

    /** The version new entries are stored with. */
    static final int CURRENT = 4;

    private ContentDigest() {
    }

    /**
     * What the digest covers, in order, each part from the version that added it. An entry
     * field that should tell a resend from another entry is one new part with a new version
     * (and {@link #CURRENT} raised); older versions stay as they were.
     */
    private static final List<Part> PARTS = List.of(
            part(1, (r, phone) -> r.id()),
            part(1, (r, phone) -> r.checkpointId()),
            part(1, (r, phone) -> r.occurredAt().toInstant()),
            part(1, (r, phone) -> r.occurredAt().getOffset().getId()),
            part(1, (r, phone) -> r.direction().name()),
            part(1, (r, phone) -> r.resident()),
            part(1, (r, phone) -> r.partySize()),
            part(1, (r, phone) -> r.healthCode().name()),
            part(1, (r, phone) -> r.healthCodeRead().name()),
            part(1, (r, phone) -> r.temperature() == null ? null : r.temperature().setScale(1, RoundingMode.HALF_UP)),
            part(1, (r, phone) -> r.decision().name()),
            part(1, (r, phone) -> blankToNull(r.reason())),
            part(1, (r, phone) -> blankToNull(r.note())),
            part(1, (r, phone) -> visitor(r, EntryRequest.Visitor::origin)),
            part(1, (r, phone) -> visitor(r, EntryRequest.Visitor::purpose)),
            part(1, (r, phone) -> visitor(r, EntryRequest.Visitor::name)),
            part(1, (r, phone) -> phone),
            part(1, (r, phone) -> visitor(r, EntryRequest.Visitor::plate)),
            part(3, (r, phone) -> r.reasonCode()),
            part(4, (r, phone) -> r.pass() == null ? null : r.pass().householdId() + "/" + r.pass().serial()));

    /**
     * One part of the digest from version {@code since} on: a value of the request, given the
     * visitor's phone as that version digests it.
     */
    private record Part(int since, BiFunction<EntryRequest, String, Object> value) {
    }

    private static Part part(int since, BiFunction<EntryRequest, String, Object> value) {
        return new Part(since, value);
    }

    /** The digest of the request by the rule of {@code version}; null for a version this release does not know. */
    static byte[] of(int version, EntryRequest request) {
        if (version < 1 || version > CURRENT) {
            return null;
        }
        String typed = visitor(request, EntryRequest.Visitor::phone);
        // Version 1 digested the phone as typed, without separators; later ones in E.164.
        return of(version, request, typed == null ? null
                : version == 1 ? Phones.typedDigits(typed) : Phones.normalize("visitor.phone", typed));
    }

    /**
     * The digest by the current rule, of a request whose visitor's phone the caller has already
     * read into E.164 ({@code phone}, null when none was given): read once per entry, not twice.
     */
    static byte[] current(EntryRequest request, String phone) {
        return of(CURRENT, request, phone);
    }

    private static byte[] of(int version, EntryRequest request, String phone) {
        StringJoiner content = new StringJoiner("\u001f");
        for (Part part : PARTS) {
            if (part.since() <= version) {
                content.add(String.valueOf(part.value().apply(request, phone)));
            }
        }
        return Digests.sha256(content.toString());
    }

    private static String visitor(EntryRequest request, Function<EntryRequest.Visitor, String> field) {
        return request.visitor() == null ? null : blankToNull(field.apply(request.visitor()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
