package org.gatepost.common;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

/**
 * One embedded PostgreSQL server per JVM, for dev mode and tests.
 *
 * <p>Dev mode reloads application classes on every change, so the server's URL is kept in a
 * system property: a reload finds the running server instead of starting another one.
 * The server stops with the JVM.
 */
final class EmbeddedDatabase {

    static final String USER = "postgres";
    private static final String RUNNING_URL = "org.gatepost.embedded-postgresql.url";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private EmbeddedDatabase() {
    }

    static synchronized String jdbcUrl() {
        String running = System.getProperty(RUNNING_URL);
        if (running != null) {
            return running;
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("timezone", "UTC")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // the JVM is going away; the server's process goes with it
                }
            }, "embedded-postgresql-stop"));
            String url = postgres.getJdbcUrl(USER, "postgres");
            LOG.infof("Started embedded PostgreSQL for this run: %s", url);
            System.setProperty(RUNNING_URL, url);
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL; "
                    + "set quarkus.datasource.jdbc.url to use a server instead", e);
        }
    }
}
