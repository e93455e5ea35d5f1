package org.gatepost.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.gatepost.common.ChangeNotices;

/**
 * Changes rows the way another instance of Gatepost (or an administrator's SQL) would: over a
 * connection of its own, not through this application's pool or its API.
 */
public final class OtherInstance {

    private OtherInstance() {
    }

    public static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        Properties properties = new Properties();
        config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(u -> properties.setProperty("user", u));
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(p -> properties.setProperty("password", p));
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class), properties);
    }

    /** Runs one UPDATE naming one id, committed before this returns. */
    public static void update(String sql, UUID id) {
        try (Connection other = connect(); PreparedStatement update = other.prepareStatement(sql)) {
            update.setObject(1, id);
            if (update.executeUpdate() != 1) {
                fail("no row changed by " + sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server process of the connection that listens for notices, or -1 if there is none. */
    public static int listenerPid() {
        try (Connection other = connect(); PreparedStatement select = other.prepareStatement("""
                SELECT pid FROM pg_stat_activity WHERE application_name = ? AND datname = current_database()
                ORDER BY backend_start DESC LIMIT 1""")) {
            select.setString(1, ChangeNotices.APPLICATION_NAME);
            try (ResultSet pid = select.executeQuery()) {
                return pid.next() ? pid.getInt(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void awaitListening(ChangeNotices notices) {
        await(() -> notices.listening() && listenerPid() != -1, "listening for notices");
    }

    /** Waits for something that happens in the background (a notice heard), failing after 30 s. */
    public static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("still not " + what + " after 30 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting: " + what);
            }
        }
    }
}
