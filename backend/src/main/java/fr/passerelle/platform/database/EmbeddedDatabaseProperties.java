package fr.passerelle.platform.database;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded MariaDB started when no {@code spring.datasource.url} is
 * configured.
 *
 * @param dataDir where the server keeps its binaries and data; a restart keeps everything
 * @param database the database (schema) the application uses
 * @param port TCP port bound on 127.0.0.1; 0 picks a free one
 * @param resetOnStart wipe the data directory at the first start in this JVM (tests only)
 * @param args extra server arguments
 * @param enabled whether an embedded server may be started at all (off in production,
 * where a missing URL is an error)
 */
@ConfigurationProperties("passerelle.embedded-db")
public record EmbeddedDatabaseProperties(@DefaultValue("data/mariadb") Path dataDir,
		@DefaultValue("passerelle") String database, @DefaultValue("0") int port, boolean resetOnStart,
		@DefaultValue List<String> args, @DefaultValue("true") boolean enabled) {
}
