package org.gatepost.common;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears the database announce changed rows (LISTEN, see migration V14) on a connection of its
 * own, outside the pool, in a background thread, and tells the caches that keep those rows.
 * While that connection is down, nothing may be trusted to be fresh: every cache is emptied
 * and bypassed ({@link #listening()} is false) until the connection listens again, and emptied
 * once more then, since notices sent meanwhile were lost.
 */
@ApplicationScoped
public class ChangeNotices {

    /** What this connection is called in pg_stat_activity (application_name). */
    public static final String APPLICATION_NAME = "gatepost-change-notices";
    private static final Logger LOG = Logger.getLogger(ChangeNotices.class);
    private static final Duration RETRY = Duration.ofMillis(500);

    /** A cache kept fresh by the notices of one channel. */
    public interface Listener {

        /** The channel the database announces this kind of row on (see migration V14). */
        String channel();

        /** The row with this id changed or is gone. */
        void changed(String id);

        /** Anything may have changed. */
        void forgetAll();
    }

    private final Instance<Listener> listeners;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private final AtomicLong heard = new AtomicLong();
    private volatile boolean listening;
    private volatile boolean stopping;
    private volatile Connection connection;
    private Thread thread;

    ChangeNotices(Instance<Listener> listeners, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                  @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                  @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.listeners = listeners;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /** Whether notices are being heard, so that what the caches hold can be trusted. */
    public boolean listening() {
        return listening;
    }

    /** How many notices were heard and passed on since start (for operators and tests). */
    public long heard() {
        return heard.get();
    }

    void start(@Observes StartupEvent started) {
        thread = new Thread(this::run, APPLICATION_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopped) {
        stopping = true;
        listening = false;
        closeQuietly(connection);
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        boolean lostLogged = false;
        while (!stopping) {
            try (Connection listener = connect()) {
                connection = listener;
                List<Listener> all = listeners.stream().toList();
                try (Statement statement = listener.createStatement()) {
                    for (Listener cache : all) {
                        statement.execute("LISTEN " + cache.channel());
                    }
                }
                // Whatever changed while no one listened went unheard.
                all.forEach(Listener::forgetAll);
                listening = true;
                if (lostLogged) {
                    LOG.info("Listening for changes again; the caches are in use again");
                    lostLogged = false;
                }
                PGConnection notices = listener.unwrap(PGConnection.class);
                while (!stopping) {
                    PGNotification[] received = notices.getNotifications((int) Duration.ofSeconds(10).toMillis());
                    if (received == null || received.length == 0) {
                        heartbeat(listener); // a silent network would otherwise go unnoticed
                        continue;
                    }
                    for (PGNotification notice : received) {
                        for (Listener cache : all) {
                            if (cache.channel().equals(notice.getName())) {
                                cache.changed(notice.getParameter());
                            }
                        }
                        heard.incrementAndGet();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!stopping && !lostLogged) {
                    LOG.warnf("Not listening for changes (%s); caches are bypassed until the connection is back",
                            e.getMessage());
                    lostLogged = true;
                }
            } finally {
                listening = false;
                connection = null;
                if (!stopping) {
                    listeners.stream().forEach(Listener::forgetAll);
                }
            }
            sleep();
        }
    }

    private static void heartbeat(Connection listener) throws SQLException {
        try (Statement statement = listener.createStatement()) {
            statement.execute("SELECT 1");
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("socketTimeout", "30");
        Connection connection = new org.postgresql.Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("Not a PostgreSQL URL: " + url);
        }
        return connection;
    }

    private void sleep() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }
}
