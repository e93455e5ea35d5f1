package org.gatepost.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

/**
 * An embedded PostgreSQL (real binaries from Maven), in one of three ways:
 * <ul>
 * <li>tests: a throw-away server with fast, unsafe settings, gone with the JVM;</li>
 * <li>dev mode: the same settings, but its data kept in a folder across starts;</li>
 * <li>one computer, no database server ({@code gatepost.data-dir} in production): data kept in
 * the folder with PostgreSQL's safe defaults (fsync on), for real use.</li>
 * </ul>
 *
 * <p>Dev mode reloads application classes on every change, so the running server's URL is kept
 * in a system property: a reload finds the running server instead of starting another one.
 * The server stops with the JVM.
 */
final class EmbeddedDatabase {

    static final String USER = "postgres";
    private static final String RUNNING_URL = "org.gatepost.embedded-postgresql.url";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    /** Where the data lives and how carefully it is written. */
    record Settings(Path dataDirectory, boolean durable, boolean fresh) {

        static Settings throwAway() {
            return new Settings(null, false, false);
        }
    }

    private EmbeddedDatabase() {
    }

    /** The JVM's one server, started on first use. */
    static synchronized String jdbcUrl(Settings settings) {
        String running = System.getProperty(RUNNING_URL);
        if (running != null) {
            return running;
        }
        EmbeddedPostgres postgres = start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres), "embedded-postgresql-stop"));
        String url = postgres.getJdbcUrl(USER, "postgres");
        LOG.infof("Started embedded PostgreSQL%s: %s", settings.dataDirectory() == null ? " for this run"
                : " with its data in " + settings.dataDirectory(), url);
        System.setProperty(RUNNING_URL, url);
        return url;
    }

    /** A server of its own (the caller stops it); {@link #jdbcUrl} is the one to use in the application. */
    static EmbeddedPostgres start(Settings settings) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("timezone", "UTC");
            if (!settings.durable()) {
                // Speed over safety: a crash may lose the last writes, which dev mode and tests can afford.
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            if (settings.dataDirectory() != null) {
                Path data = settings.dataDirectory();
                if (settings.fresh()) {
                    deleteRecursively(data);
                    LOG.infof("Fresh start: removed the embedded database in %s", data);
                }
                Files.createDirectories(data.getParent());
                builder.setDataDirectory(data).setCleanDataDirectory(false);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL"
                    + (settings.dataDirectory() == null ? "" : " in " + settings.dataDirectory())
                    + "; set quarkus.datasource.jdbc.url to use a server instead", e);
        }
    }

    static void stop(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            // the JVM is going away; the server's process goes with it
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
