package org.gatepost.common;

/**
 * A view of something people edit, with the version a write must be based on. Answers that
 * carry one get it as their ETag ({@link VersionTag}), and clients may send it back in If-Match.
 */
public interface Versioned {

    long version();
}
