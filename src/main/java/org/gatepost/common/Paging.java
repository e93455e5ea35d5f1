package org.gatepost.common;

/** The {@code limit} of a list: 50 unless given, at most 500 (bean validation on the parameter). */
public final class Paging {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    /** The message of both bounds, in constraint annotations on {@code limit} parameters. */
    public static final String LIMIT_RANGE = "must be a whole number from 1 to 500";
    public static final String LIMIT_DESCRIPTION = "How many items at most (1 to 500, default 50)";

    private Paging() {
    }

    public static int limit(Integer limit) {
        return limit == null ? DEFAULT_LIMIT : limit;
    }
}
