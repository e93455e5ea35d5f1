package org.gatepost.common;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Points the default datasource at an embedded PostgreSQL when no database URL is configured:
 * <ul>
 * <li>tests: a fresh throw-away server per run;</li>
 * <li>dev mode: a server whose data stays in {@code gatepost.dev.data-dir} (default
 * {@code ~/.gatepost/dev}: in the user's home, because {@code mvn clean} empties {@code target/}
 * and a developer expects yesterday's shifts today), wiped first with {@code -Dgatepost.dev.fresh=true};</li>
 * <li>production with {@code gatepost.data-dir} (one computer, no database server): see {@link DataFolder},
 * which also makes the keys and secrets there.</li>
 * </ul>
 * Production without a data folder never takes this path: there a missing URL is a start-up error
 * ({@link StartupChecks}).
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";
    static final String DATA_DIR_PROPERTY = "gatepost.data-dir";
    static final int ORDINAL = 150;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (StartupChecks.building()) {
            return List.of();
        }
        List<String> profiles = context.getProfiles();
        boolean test = profiles.contains("test");
        boolean dev = profiles.contains("dev");
        boolean hasUrl = value(context, URL_PROPERTY) != null;
        Map<String, String> settings = new HashMap<>();
        if (test || dev) {
            if (!hasUrl) {
                settings.putAll(datasource(EmbeddedDatabase.jdbcUrl(test ? EmbeddedDatabase.Settings.throwAway()
                        : new EmbeddedDatabase.Settings(devDataDirectory(value(context, "gatepost.dev.data-dir")), false,
                                Boolean.parseBoolean(value(context, "gatepost.dev.fresh"))))));
            }
        } else if (value(context, DATA_DIR_PROPERTY) != null) {
            DataFolder folder = DataFolder.prepare(Path.of(value(context, DATA_DIR_PROPERTY)).toAbsolutePath(),
                    value(context, "gatepost.admin.phone") != null);
            settings.putAll(folder.settings());
            if (!hasUrl) {
                settings.putAll(datasource(EmbeddedDatabase.jdbcUrl(
                        new EmbeddedDatabase.Settings(folder.databaseDirectory(), true, false))));
            }
        }
        return settings.isEmpty() ? List.of() : List.of(new PropertiesConfigSource(settings, "embedded-postgresql", ORDINAL));
    }

    private static Map<String, String> datasource(String url) {
        return Map.of(
                URL_PROPERTY, url,
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", EmbeddedDatabase.USER);
    }

    static Path devDataDirectory(String configured) {
        return configured != null ? Path.of(configured).toAbsolutePath()
                : Path.of(System.getProperty("user.home"), ".gatepost", "dev", "postgresql");
    }

    private static String value(ConfigSourceContext context, String name) {
        String value = context.getValue(name).getValue();
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
