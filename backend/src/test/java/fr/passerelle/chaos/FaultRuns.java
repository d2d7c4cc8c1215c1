package fr.passerelle.chaos;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.privacy.PhoneVault;
import fr.passerelle.privacy.Vaults;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults a national hotline will meet, survived with nothing lost: two instances of the
 * real jar behind a proxy, a MariaDB server the run stops and starts, RabbitMQ with STOMP
 * for the consoles, and citizens calling and sending the form all along
 * ({@link ChaosPlatform}). Then the surge drill ({@link SurgeDrill}), a check of the
 * metrics the monitoring kit reads, and the restore drill. Each run prints what it did
 * and the counts it checked, and adds them to {@code target/chaos/report.txt}. Run with
 * {@code mvn -Pchaos verify}, after the tests (the README's Fault runs says how to run
 * them alone).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultRuns {

	static {
		// a POST cut once sent is not sent again behind the caller's back, and
		// each request has a connection of its own: as from a proxy in front
		// of the instances
		System.setProperty("sun.net.http.retryPost", "false");
		System.setProperty("http.keepAlive", "false");
	}

	private static final Path DIRECTORY = Path.of(System.getProperty("passerelle.chaos.dir", "target/chaos"));

	private static final Path DEPLOY = Path.of(System.getProperty("passerelle.chaos.deploy-dir", "../deploy"));

	/** Volunteers at their consoles through every run. */
	private static final int VOLUNTEERS = 20;

	/** Volunteers who join for the surge drill (200 in all). */
	private static final int SURGE_VOLUNTEERS = 180;

	/** The surge drill's two hours in two minutes. */
	private static final int SURGE_SPEED_UP = 60;

	private static ChaosPlatform platform;

	private static ChaosDatabase database;

	private static PasserelleInstance a;

	private static PasserelleInstance b;

	private static Volunteer.Ledger ledger;

	@BeforeAll
	static void platform() throws Exception {
		long started = System.nanoTime();
		platform = ChaosPlatform.start(DIRECTORY,
				Path.of(System.getProperty("passerelle.chaos.jar", "target/passerelle.jar")),
				VOLUNTEERS + SURGE_VOLUNTEERS);
		database = platform.database;
		a = platform.a;
		b = platform.b;
		ledger = platform.ledger;
		platform.startVolunteers(platform.volunteerAccounts.subList(0, VOLUNTEERS), Duration.ofMillis(300),
				Duration.ofSeconds(2), "volunteer-");
		report("Platform: MariaDB 11.4 (stopped and started by the run), instances a and b of %s, %s, %d volunteers "
				+ "at their consoles; ready in %d s", platform.jar.getFileName(),
				ChaosPlatform.brokerRunning() ? "consoles relayed by RabbitMQ on 127.0.0.1:61613"
						: "no broker (consoles on each instance's own)",
				VOLUNTEERS, (System.nanoTime() - started) / 1_000_000_000);
	}

	@AfterAll
	static void stopPlatform() throws Exception {
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	@Order(1)
	void anInstanceKilledOutright() throws Exception {
		Journeys journeys = journeys();
		try (SteadyLoad load = SteadyLoad.start(journeys, 4, 1); StuckOffers stuck = StuckOffers.watch(database)) {
			Thread.sleep(10_000);
			a.kill();
			Thread.sleep(10_000);
			a.start();
			a.awaitReady(ChaosPlatform.START);
			Thread.sleep(5_000);
			load.close();
			stuck.close();
			platform.awaitEmptySpools();
			ChaosPlatform.Counts counts = platform.counts(journeys);
			report("kill -9 of instance a under load, then started again: %s; volunteers so far: %s; offers past "
					+ "their time: %d at most", counts, ledger, stuck.most());

			assertThat(counts.lost()).as("requests told they were taken, and not in the database").isZero();
			assertThat(counts.duplicates()).as("requests recorded twice").isZero();
			assertThat(counts.failed()).as("citizens who never got a success answer").isZero();
			assertSoundVolunteers(stuck);
		}
	}

	@Test
	@Order(2)
	void theDatabaseStoppedForThirtySeconds() throws Exception {
		Journeys journeys = journeys();
		try (SteadyLoad load = SteadyLoad.start(journeys, 4, 1); StuckOffers stuck = StuckOffers.watch(database)) {
			Thread.sleep(5_000);
			long stopped = System.nanoTime();
			database.down();
			long notReadyAfter = platform.awaitReadiness(false, Duration.ofSeconds(25));
			Thread.sleep(Math.max(0, 30_000 - (System.nanoTime() - stopped) / 1_000_000));
			long spooled = platform.spooled();
			database.up();
			long back = System.nanoTime();
			long readyAfter = platform.awaitReadiness(true, Duration.ofSeconds(30));
			// offers that expired meanwhile are taken back within seconds
			stuck.ignoreUntil(back + ChaosPlatform.OFFER_TIMEOUT.toNanos());
			report("  database stopped %d s; both instances not ready %d ms after the stop, ready again %d ms "
					+ "after its return; %d callback requests kept in the spools meanwhile",
					(back - stopped) / 1_000_000_000, notReadyAfter, readyAfter, spooled);
			Thread.sleep(5_000);
			load.close();
			platform.awaitEmptySpools();
			stuck.close();
			ChaosPlatform.Counts counts = platform.counts(journeys);
			report("database stopped 30 s under load: %s; volunteers so far: %s; offers past their time: %d at most",
					counts, ledger, stuck.most());

			assertThat(readyAfter).as("ready within 10 s of the database's return").isLessThanOrEqualTo(10_000);
			assertThat(spooled).as("callers left callback requests through the fallback path").isPositive();
			assertThat(counts.lost()).as("requests told they were taken, and not in the database").isZero();
			assertThat(counts.duplicates()).as("requests recorded twice (a spool replayed more than once)").isZero();
			assertThat(counts.failedCalls()).as("callers who never got a success answer").isZero();
			assertSoundVolunteers(stuck);
		}
	}

	@Test
	@Order(3)
	void theBrokerStoppedForThirtySeconds() throws Exception {
		Assumptions.assumeTrue(ChaosPlatform.brokerRunning(), "no RabbitMQ on 127.0.0.1:61613");
		Journeys journeys = journeys();
		int reopened = ledger.reconnections.get();
		int accepted = ledger.offersAccepted.get();
		try (SteadyLoad load = SteadyLoad.start(journeys, 4, 1); StuckOffers stuck = StuckOffers.watch(database)) {
			Thread.sleep(5_000);
			long stopped = System.nanoTime();
			assertThat(platform.rabbitmqctl("stop_app")).as("rabbitmqctl stop_app").isZero();
			Thread.sleep(Math.max(0, 30_000 - (System.nanoTime() - stopped) / 1_000_000));
			int acceptedMeanwhile = ledger.offersAccepted.get() - accepted;
			assertThat(platform.rabbitmqctl("start_app")).as("rabbitmqctl start_app").isZero();
			long back = System.nanoTime();
			while (!ChaosPlatform.brokerRunning()) {
				Thread.sleep(200);
			}
			platform.awaitConsolesOpenSince(back, Duration.ofSeconds(60));
			report("  broker stopped %d s (offers accepted meanwhile: %d); every console open again %d ms after its "
					+ "return, %d reopenings", (back - stopped) / 1_000_000_000, acceptedMeanwhile,
					(System.nanoTime() - back) / 1_000_000, ledger.reconnections.get() - reopened);
			Thread.sleep(10_000);
			load.close();
			stuck.close();
			ChaosPlatform.Counts counts = platform.counts(journeys);
			report("RabbitMQ stopped 30 s under load: %s; volunteers so far: %s; offers past their time: %d at most",
					counts, ledger, stuck.most());

			assertThat(ledger.offersAccepted.get()).as("offers accepted after the broker came back")
				.isGreaterThan(accepted + acceptedMeanwhile);
			assertThat(counts.lost()).isZero();
			assertThat(counts.duplicates()).isZero();
			assertThat(counts.failed()).as("citizens who never got a success answer").isZero();
			assertSoundVolunteers(stuck);
		}
	}

	@Test
	@Order(4)
	void aRollingRestartUnderLoad() throws Exception {
		Journeys journeys = journeys();
		List<Integer> statuses = new ArrayList<>();
		try (SteadyLoad load = SteadyLoad.start(journeys, 4, 1); StuckOffers stuck = StuckOffers.watch(database)) {
			Thread.sleep(5_000);
			for (PasserelleInstance instance : List.of(a, b)) {
				statuses.add(instance.stop());
				instance.start();
				instance.awaitReady(ChaosPlatform.START);
				Thread.sleep(3_000);
			}
			load.close();
			stuck.close();
			ChaosPlatform.Counts counts = platform.counts(journeys);
			report("rolling restart under load (a then b, SIGTERM, exit statuses %s): %d webhooks, %d failed; "
					+ "%d forms sent, %d failed; %s; volunteers so far: %s; offers past their time: %d at most",
					statuses, journeys.webhooks(), journeys.failedWebhooks(), journeys.forms(), journeys.failedForms(),
					counts, ledger, stuck.most());

			assertThat(statuses).as("graceful shutdowns").containsOnly(143);
			assertThat(journeys.failedWebhooks()).as("failed webhooks").isZero();
			assertThat(journeys.failedForms()).as("failed forms").isZero();
			assertThat(counts.lost()).isZero();
			assertThat(counts.duplicates()).isZero();
			assertSoundVolunteers(stuck);
		}
	}

	@Test
	@Order(5)
	void theFirstDayOfSolidariteNumerique() throws Exception {
		long joined = System.nanoTime();
		// a call back of about six minutes, at the drill's pace
		platform.startVolunteers(platform.volunteerAccounts.subList(VOLUNTEERS, VOLUNTEERS + SURGE_VOLUNTEERS),
				Duration.ofMinutes(6).dividedBy(SURGE_SPEED_UP), Duration.ofSeconds(30), "surge-volunteer-");
		platform.awaitConsolesOpenSince(joined - Duration.ofDays(1).toNanos(), Duration.ofMinutes(2));
		Journeys journeys = journeys();
		SurgeDrill drill = new SurgeDrill(journeys, database, SURGE_SPEED_UP);
		boolean calledBack;
		try (StuckOffers stuck = StuckOffers.watch(database)) {
			calledBack = drill.run(Duration.ofMinutes(2));
			stuck.close();
			ChaosPlatform.Counts counts = platform.counts(journeys);
			report("surge drill: Solidarité numérique's first day, %d calls in two hours at %d times their pace, "
					+ "%d volunteers (a call back of 6 minutes): %s; every request called back: %s; %d waiting at "
					+ "most; volunteers so far: %s; offers past their time: %d at most", SurgeDrill.calls(),
					SURGE_SPEED_UP, platform.volunteers.size(), counts, calledBack ? "yes" : "NO", drill.mostWaiting(),
					ledger, stuck.most());
			for (String line : drill.report()) {
				report("  %s", line);
			}

			assertThat(counts.lost()).isZero();
			assertThat(counts.duplicates()).isZero();
			assertThat(counts.failedCalls()).as("callers who never got a success answer").isZero();
			assertThat(calledBack).as("every request called back (its outcome recorded)").isTrue();
			assertSoundVolunteers(stuck);
		}
	}

	@Test
	@Order(6)
	void theMonitoringKitReadsMetricsTheJarExposes() throws Exception {
		String scrape;
		try (var answer = URI.create(a.managementBase() + "/actuator/prometheus").toURL().openStream()) {
			scrape = new String(answer.readAllBytes(), StandardCharsets.UTF_8);
		}
		Set<String> exposed = scrape.lines()
			.filter((line) -> !line.startsWith("#") && !line.isBlank())
			.map((line) -> line.split("[{ ]", 2)[0])
			.collect(Collectors.toSet());
		Set<String> named = new TreeSet<>();
		for (String file : List.of("monitoring/alerts.yml", "monitoring/grafana/passerelle.json")) {
			Matcher metric = Pattern.compile("\\b(passerelle_[a-z_]+|hikaricp_[a-z_]+|http_server_[a-z_]+)\\b")
				.matcher(Files.readString(DEPLOY.resolve(file)));
			while (metric.find()) {
				named.add(metric.group(1));
			}
		}
		report("monitoring: the alert rules and the dashboard name %d metrics, all exposed by the production jar "
				+ "on its management port", named.size());

		assertThat(exposed).containsAll(named);
	}

	@Test
	@Order(7)
	void theRestoreDrill() throws Exception {
		platform.volunteers.forEach(Volunteer::stop);
		for (PasserelleInstance instance : List.of(a, b)) {
			if (instance.alive()) {
				instance.stop();
			}
		}
		Path envFile = DIRECTORY.resolve("passerelle.env");
		StringBuilder env = new StringBuilder();
		platform.environment.forEach((name, value) -> env.append(name).append('=').append(value).append('\n'));
		Files.writeString(envFile, env);
		List<String> backup = new ArrayList<>(List.of(DEPLOY.resolve("backup.sh").toString(),
				DIRECTORY.resolve("backups").toString(), envFile.toString()));
		for (PasserelleInstance instance : List.of(a, b)) {
			if (Files.isDirectory(instance.spool())) {
				backup.add(instance.spool().toString());
			}
		}
		run(backup);
		Path saved;
		try (Stream<Path> backups = Files.list(DIRECTORY.resolve("backups"))) {
			saved = backups.findFirst().orElseThrow();
		}
		String restoredUrl = database.url().replace("/" + ChaosDatabase.NAME, "/passerelle_restored");
		run(List.of(DEPLOY.resolve("restore.sh").toString(), saved.toString(), restoredUrl, "root"));

		var validation = org.flywaydb.core.Flyway.configure()
			.dataSource(restoredUrl, "root", "")
			.locations("classpath:db/migration")
			.load()
			.validateWithResult();
		Map<String, String> keys = new HashMap<>();
		for (String line : Files.readAllLines(saved.resolve("keys.env"))) {
			keys.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
		}
		PhoneVault restoredVault = Vaults.withKeys(keys.get("PASSERELLE_PRIVACY_ENCRYPTION_KEY"),
				keys.get("PASSERELLE_PRIVACY_HASH_KEY"));
		int opened = 0;
		int found = 0;
		try (var connection = java.sql.DriverManager.getConnection(restoredUrl, "root", "");
				var rows = connection.createStatement()
					.executeQuery("SELECT id, phone_cipher, phone_hash FROM ticket WHERE phone_cipher IS NOT NULL")) {
			while (rows.next()) {
				PhoneNumber phone = restoredVault.open(rows.getBytes(2), "ticket/" + rows.getLong(1));
				opened++;
				found += restoredVault.lookupHash(phone).equals(rows.getString(3)) ? 1 : 0;
			}
		}
		long tickets = database.number("SELECT COUNT(*) FROM ticket");
		long restoredTickets;
		try (var connection = java.sql.DriverManager.getConnection(restoredUrl, "root", "");
				var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM ticket")) {
			restoredTickets = rows.next() ? rows.getLong(1) : 0;
		}
		report("restore drill: deploy/backup.sh (database, keys, %d spools) then deploy/restore.sh into a scratch "
				+ "database: every table's rows as counted, migrations %s, %d tickets of %d, %d numbers opened with "
				+ "the backed-up keys and found again by their hash", backup.size() - 3,
				validation.validationSuccessful ? "valid" : "INVALID: " + validation.getAllErrorMessages(),
				restoredTickets, tickets, opened);

		assertThat(validation.validationSuccessful).as(validation.getAllErrorMessages()).isTrue();
		assertThat(restoredTickets).isEqualTo(tickets);
		assertThat(opened).as("sealed numbers opened").isPositive().isEqualTo(found);
	}

	/** Citizens through the proxy, signing the webhooks as Twilio does. */
	private static Journeys journeys() {
		return new Journeys(platform.proxy, platform.authToken, ChaosPlatform.PUBLIC_BASE_URL);
	}

	/**
	 * Runs a script of deploy/, its output in the run's directory; fails on a non-zero
	 * status.
	 */
	private static void run(List<String> command) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(DIRECTORY.resolve("deploy-scripts.log").toFile()));
		builder.environment().put("MARIADB_BIN", DIRECTORY.resolve("mariadb/base/bin").toAbsolutePath().toString());
		Process process = builder.start();
		if (!process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || process.exitValue() != 0) {
			process.destroyForcibly();
			throw new AssertionError(command.get(0) + " failed: see " + DIRECTORY.resolve("deploy-scripts.log"));
		}
	}

	/**
	 * No request given to two volunteers, every outcome recorded, and no offer left past
	 * its time (the sweep that takes offers back kept running, whichever instance died).
	 */
	private static void assertSoundVolunteers(StuckOffers stuck) {
		assertThat(ledger.violations).as("requests given twice, outcomes lost").isEmpty();
		assertThat(stuck.most()).as("offers still out 15 s after their time").isZero();
	}

	private static void report(String format, Object... values) throws IOException {
		String line = String.format(format, values);
		System.out.println("[fault runs] " + line);
		Files.writeString(DIRECTORY.resolve("report.txt"), line + System.lineSeparator(), StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
	}

}
