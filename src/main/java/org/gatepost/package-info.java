/**
 * Gatepost: one package per feature ({@code place}, {@code account}, {@code roster},
 * {@code entry}, {@code stats}, {@code apikey}, {@code audit}), {@code caller} for who is
 * calling, {@code common} for what several share. The package graph has no cycle
 * (ArchitectureTest).
 *
 * <h2>Reaching the database</h2>
 * One way per kind of work, and SQL only in a feature's {@code *Repository}:
 * <ul>
 * <li><b>Entities people edit</b> (places, accounts, teams, shifts, API keys, alerts): Panache
 *     repositories ({@code PanacheRepository}) for find, persist and version-checked updates;
 *     a native query that answers entities ({@code createNativeQuery(sql, Shift.class)}) where
 *     the place tree's ltree path is needed.</li>
 * <li><b>Reporting and set-based statements</b> (dashboards, counts, assignments, the audit
 *     log, sign-in failures): native SQL in text blocks, rows read by column name through
 *     {@link org.gatepost.common.SqlRow} (a Hibernate native query returning
 *     {@code jakarta.persistence.Tuple}); every selected expression gets a name. Statements
 *     that change rows use {@code executeUpdate()}.</li>
 * <li><b>The gate's hot path</b> ({@code entry.EntryRepository}): plain JDBC over bound arrays,
 *     one set-based statement per write, no Hibernate session or flush; inside a
 *     {@code @Transactional} method the pool hands out the transaction's own connection.</li>
 * <li>Everything else runs in the JTA transaction of the service ({@code @Transactional}), or in
 *     one of its own where no request transaction exists (sign-in with an API key, metrics).
 *     No {@code doReturningWork}: arrays go to PostgreSQL as bound parameters
 *     ({@code = ANY (:ids)} with a {@code UUID[]}).</li>
 * </ul>
 * Three more places hold a JDBC connection of their own, each for a reason the others do not
 * have: {@code account.AccountCache} reads an account missing from memory on the request's
 * event loop, outside any transaction; {@code common.ChangeNotices} keeps one connection
 * listening for PostgreSQL notifications; {@code common.StatisticsDatabase} asks the replica,
 * when there is one, how far behind it is.
 */
package org.gatepost;
