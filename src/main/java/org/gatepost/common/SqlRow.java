package org.gatepost.common;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

/**
 * One row of a native SQL query, read by column name: the helper every repository uses for
 * reporting and set-based SQL, so that adding a column never shifts the others. Create the
 * query with {@link #query}, give each selected expression a name ({@code count(*) AS shifts}),
 * and read it with the getter for its Java type.
 */
public final class SqlRow {

    private final Tuple tuple;

    private SqlRow(Tuple tuple) {
        this.tuple = tuple;
    }

    /** A native query whose rows come back as tuples, by column name. */
    public static Query query(EntityManager em, String sql) {
        return em.createNativeQuery(sql, Tuple.class);
    }

    /** Every row of a query made by {@link #query}. */
    @SuppressWarnings("unchecked")
    public static List<SqlRow> list(Query query) {
        return ((List<Tuple>) query.getResultList()).stream().map(SqlRow::new).toList();
    }

    /** The one row of a query made by {@link #query} (an aggregate, say). */
    public static SqlRow single(Query query) {
        return new SqlRow((Tuple) query.getSingleResult());
    }

    public UUID uuid(String column) {
        return tuple.get(column, UUID.class);
    }

    public String string(String column) {
        return tuple.get(column, String.class);
    }

    /** A timestamptz column, whichever java.time or java.sql type the driver chose for it. */
    public Instant instant(String column) {
        return TimeRange.read(tuple.get(column));
    }

    /** A date column. */
    public LocalDate date(String column) {
        Object value = tuple.get(column);
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    /** A whole number of any width (count() is a bigint, sum() of bigints a numeric); null reads as 0. */
    public long number(String column) {
        Object value = tuple.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** A whole number that fits an int; null reads as 0. */
    public int integer(String column) {
        return Math.toIntExact(number(column));
    }

    /** An int column that may be null. */
    public Integer integerOrNull(String column) {
        Object value = tuple.get(column);
        return value == null ? null : ((Number) value).intValue();
    }

    public BigDecimal decimal(String column) {
        Object value = tuple.get(column);
        return value == null || value instanceof BigDecimal ? (BigDecimal) value : new BigDecimal(value.toString());
    }

    public boolean bool(String column) {
        return tuple.get(column, Boolean.class);
    }
}
