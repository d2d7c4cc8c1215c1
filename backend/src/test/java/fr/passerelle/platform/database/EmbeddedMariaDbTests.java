package fr.passerelle.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class EmbeddedMariaDbTests {

	private static final Path DIRECTORY = Path
		.of(System.getProperty("passerelle.test.embedded-db-dir", "target/embedded-mariadb") + "-restart");

	@Test
	void keepsItsDataAcrossARestart() throws SQLException {
		EmbeddedMariaDb first = EmbeddedMariaDb.acquire(properties(true));
		execute(first, "CREATE TABLE kept (value VARCHAR(20))", "INSERT INTO kept VALUES ('still here')");
		first.release();

		EmbeddedMariaDb second = EmbeddedMariaDb.acquire(properties(false));
		try (var connection = DriverManager.getConnection(second.jdbcUrl("restart_test"), "root", "");
				var result = connection.createStatement().executeQuery("SELECT value FROM kept")) {
			assertThat(result.next()).isTrue();
			assertThat(result.getString(1)).isEqualTo("still here");
		}
		finally {
			second.release();
		}
	}

	/**
	 * Ctrl-C in a terminal signals its foreground process group: a server in a session of
	 * its own is not in it, and the application stops it once its own shutdown is over.
	 */
	@Test
	void runsTheServerInASessionOfItsOwnSoThatCtrlCReachesTheApplicationOnly() throws IOException {
		EmbeddedMariaDb server = EmbeddedMariaDb.acquire(properties(false));
		try {
			ProcessHandle mariadbd = ProcessHandle.current()
				.children()
				.filter((child) -> child.info().command().orElse("").endsWith("/mariadbd"))
				.filter((child) -> child.info()
					.arguments()
					.map(List::of)
					.orElse(List.of())
					.stream()
					.anyMatch((argument) -> argument.contains(String.valueOf(server.port()))))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no mariadbd among this JVM's children on " + server.port()));

			assertThat(session(mariadbd.pid())).as("the server's session")
				.isNotEqualTo(session(ProcessHandle.current().pid()));
			assertThat(session(mariadbd.pid())).as("it leads its own").isEqualTo(mariadbd.pid());
		}
		finally {
			server.release();
		}
	}

	/** The session of a process: the sixth field of /proc/{pid}/stat. */
	private static long session(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
		String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(afterName[3]);
	}

	@Test
	void refusesToStartWhereItIsDisabledAndSaysWhatToConfigure() {
		EmbeddedDatabaseProperties disabled = new EmbeddedDatabaseProperties(DIRECTORY.resolveSibling("disabled"), "x",
				0, false, List.of(), false);

		assertThatIllegalStateException().isThrownBy(() -> EmbeddedMariaDb.acquire(disabled))
			.withMessageContaining("SPRING_DATASOURCE_URL");
	}

	@Test
	void explainsAMissingDatabaseAtStartupWithoutAStackTrace() {
		var analysis = new EmbeddedDatabaseFailureAnalyzer()
			.analyze(new IllegalStateException("context failed", new EmbeddedDatabaseUnavailable("No database")));

		assertThat(analysis.getDescription()).isEqualTo("No database");
		assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL", "deploy/README.md");
	}

	@Test
	void startsNothingWhenADatasourceUrlIsConfigured() {
		new ApplicationContextRunner().withUserConfiguration(EmbeddedDatabaseConfiguration.class)
			.withPropertyValues("spring.datasource.url=jdbc:mariadb://127.0.0.1:1/none")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedMariaDb.class));
	}

	private static EmbeddedDatabaseProperties properties(boolean reset) {
		return new EmbeddedDatabaseProperties(DIRECTORY, "restart_test", 0, reset, List.of(), true);
	}

	private static void execute(EmbeddedMariaDb server, String... statements) throws SQLException {
		try (var connection = DriverManager.getConnection(server.jdbcUrl("restart_test"), "root", "");
				var statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
