package org.gatepost.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import javax.sql.DataSource;

/**
 * Races made to happen in a chosen order, without sleeping on a guess: a row lock held from
 * outside the application makes requests wait inside PostgreSQL, and the test waits until
 * PostgreSQL reports them waiting before it lets them go.
 */
public final class Contention implements AutoCloseable {

    private final DataSource database;
    private final Connection holder;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    /** Locks the row as an UPDATE would, until {@link #release()}. */
    public static Contention lockRow(DataSource database, String table, UUID id) throws SQLException {
        Connection connection = database.getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement("SELECT 1 FROM " + table + " WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, id);
            lock.executeQuery().close();
        }
        return new Contention(database, connection);
    }

    /**
     * Runs a statement in a transaction left open until {@link #release()} (which rolls it back):
     * a row it inserts makes another insert of the same key wait until then.
     */
    public static Contention hold(DataSource database, String sql, Object... parameters) throws SQLException {
        Connection connection = database.getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
        return new Contention(database, connection);
    }

    private Contention(DataSource database, Connection holder) {
        this.database = database;
        this.holder = holder;
    }

    /** Starts a request on its own thread. */
    public <T> Future<T> start(Supplier<T> request) {
        return threads.submit(request::get);
    }

    /** Waits until {@code count} sessions wait for a lock, or {@code done} has finished (nothing to wait for then). */
    public void awaitWaiting(int count, Future<?> done) throws Exception {
        for (int tries = 0; tries < 3000; tries++) {
            if (waiting() >= count || (done != null && done.isDone())) {
                return;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("fewer than " + count + " sessions came to wait for a lock");
    }

    public void release() throws SQLException {
        if (!holder.isClosed()) {
            holder.rollback();
            holder.close();
        }
    }

    private int waiting() throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(DISTINCT pid) FROM pg_locks WHERE NOT granted AND pid <> pg_backend_pid()");
             ResultSet result = query.executeQuery()) {
            result.next();
            return result.getInt(1);
        }
    }

    @Override
    public void close() throws SQLException {
        release();
        threads.shutdownNow();
    }
}
