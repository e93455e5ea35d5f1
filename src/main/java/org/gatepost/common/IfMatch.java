package org.gatepost.common;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client's {@code If-Match} header: the versions (ETags, see {@link Versioned}) a write is
 * based on. Absent or {@code *}, any version will do; otherwise a write to another version is
 * refused with 412, as RFC 9110 asks, and the client reloads.
 */
public final class IfMatch {

    public static final IfMatch ANY = new IfMatch(null);
    public static final String DESCRIPTION = "The ETag of the version your change is based on; a newer stored version "
            + "answers 412. Without it the write applies to any version";
    private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([^\"]*)\"\\s*");

    /** null: any version. */
    private final Set<Long> versions;

    private IfMatch(Set<Long> versions) {
        this.versions = versions;
    }

    /** Reads the header; 400 naming If-Match when it holds no entity tags. */
    public static IfMatch parse(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return ANY;
        }
        Set<Long> versions = new HashSet<>();
        for (String part : header.split(",")) {
            Matcher tag = TAG.matcher(part);
            if (!tag.matches()) {
                throw ProblemException.invalid("If-Match", "send the ETag of the resource as read, e.g. \"3\", or *");
            }
            // A weak tag never matches for a write (RFC 9110 strong comparison); ours are never weak.
            if (tag.group(1) == null && tag.group(2).matches("[0-9]{1,18}")) {
                versions.add(Long.parseLong(tag.group(2)));
            }
        }
        return new IfMatch(versions);
    }

    /** Refuses (412) a write to {@code current} when the client based it on another version. */
    public void require(long current, String what) {
        if (versions != null && !versions.contains(current)) {
            throw ProblemException.preconditionFailed(what + " changed meanwhile (now version " + current
                    + "); reload it and apply your change again");
        }
    }
}
