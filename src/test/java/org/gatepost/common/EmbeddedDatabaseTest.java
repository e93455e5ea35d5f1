package org.gatepost.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dev mode's database is kept across starts in its data folder, and a fresh start empties it:
 * each start here is what `quarkus dev` does on start (a new JVM would do the same).
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path home;

    @Test
    void aRestartOnTheSameFolderFindsYesterdaysData() throws SQLException {
        Path data = home.resolve(".gatepost/dev/postgresql");
        EmbeddedPostgres first = EmbeddedDatabase.start(new EmbeddedDatabase.Settings(data, false, false));
        try (Connection c = first.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table shift (name text)");
            s.execute("insert into shift values ('yesterday''s morning shift')");
        } finally {
            EmbeddedDatabase.stop(first);
        }

        EmbeddedPostgres second = EmbeddedDatabase.start(new EmbeddedDatabase.Settings(data, false, false));
        try (Connection c = second.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select name from shift")) {
            rows.next();
            assertEquals("yesterday's morning shift", rows.getString(1));
        } finally {
            EmbeddedDatabase.stop(second);
        }

        EmbeddedPostgres fresh = EmbeddedDatabase.start(new EmbeddedDatabase.Settings(data, false, true));
        try (Connection c = fresh.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select count(*) from pg_tables where tablename = 'shift'")) {
            rows.next();
            assertEquals(0, rows.getInt(1), "a fresh start has no tables of the previous runs");
        } finally {
            EmbeddedDatabase.stop(fresh);
        }
    }

    @Test
    void theDevFolderIsInTheUsersHomeSoThatMavenCleanKeepsIt() {
        Path folder = EmbeddedDatabaseConfigSourceFactory.devDataDirectory(null);
        assertEquals(Path.of(System.getProperty("user.home"), ".gatepost", "dev", "postgresql"), folder);
        assertFalse(folder.startsWith(Path.of("target").toAbsolutePath()));
    }
}
