package org.gatepost.common;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.StartupEvent;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.jboss.logging.Logger;

/**
 * Where the statistics read from: the streaming replica ({@code quarkus.datasource."replica".*})
 * when one is configured and reachable, the primary otherwise. Only the dashboards' reads
 * (stats/ and roster/RosterStatsRepository) come here; the gate and every write use the
 * primary's EntityManager directly, so that a lagging or stopped replica never touches them.
 * <p>
 * One per request: the first read opens one replica connection and measures how far it is
 * behind, so that every query of one answer sees the same snapshot of the replica and the
 * answer's {@link Freshness} is about those figures. A replica that cannot be reached is not
 * an error: the figures come from the primary (current, if slower for the gate), and the log
 * says so once when the replica goes away and once when it comes back.
 */
@RequestScoped
public class StatisticsDatabase {

    public static final String REPLICA = "replica";

    private static final Logger LOG = Logger.getLogger(StatisticsDatabase.class);
    /** Shared by every request: the log speaks on a change only, not on every dashboard refresh. */
    private static final AtomicBoolean REPLICA_UNREACHABLE = new AtomicBoolean(false);

    /**
     * Behind when the replica has received WAL it has not replayed (paused, or slower than the
     * primary); then the figures are as of its last replayed transaction. Received and replayed
     * equal means caught up, however old that transaction is (an idle primary writes nothing).
     * Never having received anything (no streaming yet) counts as behind. Not a standby (the URL
     * names a primary): current.
     */
    private static final String REPLAY_STATE = """
            SELECT CASE WHEN pg_is_in_recovery()
                         AND coalesce(pg_last_wal_receive_lsn() > pg_last_wal_replay_lsn(), true)
                        THEN coalesce(pg_last_xact_replay_timestamp(), pg_postmaster_start_time()) END AS as_of,
                   now() AS now
            """;

    /** How current the figures of one answer are: {@code asOf} null and 0 seconds when current. */
    public record Freshness(Instant asOf, long behindSeconds) {

        public static final Freshness CURRENT = new Freshness(null, 0);
    }

    private final EntityManager primary;
    private final SessionFactory sessions;
    private final InjectableInstance<AgroalDataSource> replica;

    private EntityManager current;
    private Connection replicaConnection;
    private Session replicaSession;
    private Freshness freshness = Freshness.CURRENT;

    StatisticsDatabase(EntityManager primary, SessionFactory sessions,
                       @DataSource(REPLICA) InjectableInstance<AgroalDataSource> replica) {
        this.primary = primary;
        this.sessions = sessions;
        this.replica = replica;
    }

    /** Says at start where the statistics will read from, so that an operator sees the setting took. */
    static void announce(@Observes StartupEvent start, @DataSource(REPLICA) InjectableInstance<AgroalDataSource> replica) {
        LOG.info(replica.listActive().isEmpty() ? "No replica configured: statistics read from the primary"
                : "Statistics read from the replica datasource (quarkus.datasource.\"replica\")");
    }

    /** The EntityManager for this request's statistics reads (read-only SQL only). */
    public EntityManager em() {
        if (current == null) {
            current = openReplica();
            if (current == null) {
                current = primary;
            }
        }
        return current;
    }

    /** How far behind the figures read through {@link #em()} are. */
    public Freshness freshness() {
        em();
        return freshness;
    }

    /** Whether a replica is configured (its URL set): inactive otherwise, see application.properties. */
    public boolean replicaConfigured() {
        return !replica.listActive().isEmpty();
    }

    private EntityManager openReplica() {
        if (!replicaConfigured()) {
            return null;
        }
        Connection connection = null;
        try {
            connection = replica.getActive().getConnection();
            connection.setReadOnly(true);
            freshness = measure(connection);
            if (REPLICA_UNREACHABLE.compareAndSet(true, false)) {
                LOG.info("Statistics read from the replica again");
            }
            replicaConnection = connection;
            // A session of the primary's persistence unit on the replica's connection: the same
            // mapping and native queries, no transaction of its own (the replica's pool is not
            // enlisted in JTA: a standby only reads, and its connection commits nothing).
            replicaSession = sessions.withOptions().connection(connection).autoJoinTransactions(false).openSession();
            return replicaSession;
        } catch (SQLException | RuntimeException e) {
            close(connection);
            freshness = Freshness.CURRENT;
            if (REPLICA_UNREACHABLE.compareAndSet(false, true)) {
                LOG.warnf("The replica cannot be reached (%s): statistics read from the primary until it can", e.getMessage());
            }
            return null;
        }
    }

    private static Freshness measure(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(REPLAY_STATE)) {
            row.next();
            java.sql.Timestamp asOf = row.getTimestamp("as_of");
            if (asOf == null) {
                return Freshness.CURRENT;
            }
            Instant replayed = asOf.toInstant();
            long behind = Math.max(0, Duration.between(replayed, row.getTimestamp("now").toInstant()).toSeconds());
            return new Freshness(replayed, behind);
        }
    }

    @PreDestroy
    void close() {
        if (replicaSession != null) {
            replicaSession.close();
        }
        close(replicaConnection);
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debugf("Closing a replica connection: %s", e.getMessage());
            }
        }
    }
}
