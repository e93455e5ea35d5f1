package org.gatepost.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL of its own for the tests that stop and restart the database (the primary of
 * {@link AsInProduction}), so that no test of the default profile ever sees its database down.
 * It keeps its data directory and port across a restart, as a real server does.
 */
public final class OutageDatabase {

    private static Path dataDirectory;
    private static int port;
    private static EmbeddedPostgres server;

    private OutageDatabase() {
    }

    /** The application's datasource on this server, started if it is not. */
    static Map<String, String> overrides() {
        String url = start().getJdbcUrl(EmbeddedDatabase.USER, "postgres");
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", EmbeddedDatabase.USER);
    }

    static synchronized EmbeddedPostgres start() {
        if (server != null) {
            return server;
        }
        try {
            if (dataDirectory == null) {
                dataDirectory = Files.createTempDirectory("gatepost-outage-pg");
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("timezone", "UTC");
            if (port != 0) {
                builder.setPort(port);
            }
            server = builder.start();
            port = server.getPort();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized void stop() {
        if (server == null) {
            throw new IllegalStateException("the outage database is not running in this class loader");
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = null;
    }
}
