package org.gatepost.common;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * In dev mode and tests with no database URL configured, starts an embedded PostgreSQL
 * (real binaries from Maven) and points the default datasource at it.
 *
 * <p>Production never takes this path: there a missing URL is a start-up error.
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        boolean devOrTest = profiles.contains("dev") || profiles.contains("test");
        if (!devOrTest || context.getValue(URL_PROPERTY).getValue() != null) {
            return List.of();
        }
        String url = EmbeddedDatabase.jdbcUrl();
        return List.of(new PropertiesConfigSource(Map.of(
                URL_PROPERTY, url,
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", EmbeddedDatabase.USER),
                "embedded-postgresql", 150));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(150);
    }
}
