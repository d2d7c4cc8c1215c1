package fr.passerelle.chaos;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * for the consoles, and citizens calling and sending the form all along. Each run prints
 * what it did and the counts it checked, and adds them to
 * {@code target/chaos/report.txt}. Run with {@code mvn -Pchaos verify}, after the tests
 * (the README's Fault runs says how to run them alone).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultRuns {

	static {
		// a POST cut once sent is not sent again behind the caller's back, and each
		// request
		// has a connection of its own: what a proxy in front of the instances does
		System.setProperty("sun.net.http.retryPost", "false");
		System.setProperty("http.keepAlive", "false");
	}

	private static final Path DIRECTORY = Path.of(System.getProperty("passerelle.chaos.dir", "target/chaos"));

	private static final Duration START = Duration.ofMinutes(3);

	private static final Path DEPLOY = Path.of(System.getProperty("passerelle.chaos.deploy-dir", "../deploy"));

	private static final String PUBLIC_BASE_URL = "https://passerelle.chaos.test";

	private static final int VOLUNTEERS = 20;

	/** Volunteers who join for the surge drill (200 in all). */
	private static final int SURGE_VOLUNTEERS = 180;

	/** The surge drill's two hours in two minutes. */
	private static final int SURGE_SPEED_UP = 60;

	private static List<String> surgeVolunteers;

	private static final Duration OFFER_TIMEOUT = Duration.ofSeconds(20);

	private static ChaosDatabase database;

	private static PasserelleInstance a;

	private static PasserelleInstance b;

	private static Proxy proxy;

	private static PhoneVault vault;

	private static String authToken;

	private static Volunteer.Ledger ledger;

	/** The instances' environment, as in their environment file. */
	private static Map<String, String> environment;

	private static final List<Volunteer> volunteers = new ArrayList<>();

	@BeforeAll
	static void platform() throws Exception {
		deleteRecursively(DIRECTORY);
		Files.createDirectories(DIRECTORY);
		long started = System.nanoTime();
		database = ChaosDatabase.start(DIRECTORY.resolve("mariadb"));
		String encryptionKey = randomKey();
		String hashKey = randomKey();
		authToken = randomKey();
		vault = Vaults.withKeys(encryptionKey, hashKey);
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("spring.datasource.url", database.url());
		settings.put("spring.datasource.username", "root");
		settings.put("spring.datasource.password", "");
		settings.put("passerelle.embedded-db.enabled", "false");
		settings.put("passerelle.demo.enabled", "false");
		settings.put("passerelle.privacy.encryption-key", encryptionKey);
		settings.put("passerelle.privacy.hash-key", hashKey);
		settings.put("passerelle.privacy.generate-missing-keys", "false");
		settings.put("passerelle.twilio.mode", "simulator");
		settings.put("passerelle.twilio.auth-token", authToken);
		settings.put("passerelle.public-base-url", PUBLIC_BASE_URL);
		settings.put("passerelle.admin.email", "admin@chaos.test");
		settings.put("passerelle.admin.password", randomKey());
		settings.put("passerelle.privacy.controller-name", "Passerelle fault runs");
		settings.put("passerelle.privacy.contact", "dpo@chaos.test");
		settings.put("passerelle.privacy.host", "this machine");
		// no e-mail is sent during the runs; production refuses to start without a server
		settings.put("spring.mail.host", "smtp.chaos.test");
		// open around the clock, so that requests are routed at once whenever the run
		// runs
		for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
			settings.put("passerelle.opening-hours.weekly." + day, "00:00-23:59");
		}
		// shorter than in production, so that a run is short: the spool replayed every 5
		// s
		// (1 min), an offer taken back after 20 s (2 min), a volunteer offered the next
		// request 1 s after the last (1 min)
		settings.put("passerelle.telephony.spool-replay-every", "5s");
		settings.put("passerelle.routing.callback.offer-timeout", OFFER_TIMEOUT.toSeconds() + "s");
		settings.put("passerelle.routing.wrap-up", "1s");
		// the run's proxy speaks plain HTTP: its volunteers' cookies are not marked
		// secure
		settings.put("server.servlet.session.cookie.secure", "false");
		settings.put("server.servlet.session.cookie.name", "SESSION");
		settings.put("passerelle.account.csrf-cookie-name", "XSRF-TOKEN");
		List<String> opened = ChaosVolunteers.open(settings, VOLUNTEERS + SURGE_VOLUNTEERS);
		List<String> emails = opened.subList(0, VOLUNTEERS);
		surgeVolunteers = opened.subList(VOLUNTEERS, opened.size());
		environment = new HashMap<>();
		settings.forEach((name, value) -> environment.put(name.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_"),
				value.toString()));
		environment.put("SPRING_PROFILES_ACTIVE", "production");
		if (brokerRunning()) {
			// a RabbitMQ user of its own, as production requires
			String passcode = randomKey();
			rabbitmqctl("delete_user", "passerelle-chaos");
			rabbitmqctl("add_user", "passerelle-chaos", passcode);
			rabbitmqctl("set_permissions", "-p", "/", "passerelle-chaos", ".*", ".*", ".*");
			environment.put("PASSERELLE_CONSOLE_RELAY_HOST", "127.0.0.1");
			environment.put("PASSERELLE_CONSOLE_RELAY_LOGIN", "passerelle-chaos");
			environment.put("PASSERELLE_CONSOLE_RELAY_PASSCODE", passcode);
		}
		else if ("required".equals(System.getenv("PASSERELLE_RELAY"))) {
			throw new IllegalStateException("RabbitMQ's STOMP port (61613) does not answer");
		}
		Path jar = Path.of(System.getProperty("passerelle.chaos.jar", "target/passerelle.jar"));
		a = new PasserelleInstance("a", jar, DIRECTORY.resolve("a"), environment);
		b = new PasserelleInstance("b", jar, DIRECTORY.resolve("b"), environment);
		// the schema is there already (the volunteers were opened)
		a.start();
		b.start();
		a.awaitReady(START);
		b.awaitReady(START);
		proxy = new Proxy(List.of(a, b));
		ledger = new Volunteer.Ledger();
		for (int i = 0; i < emails.size(); i++) {
			Volunteer volunteer = new Volunteer(emails.get(i), List.of(a, b), i, ledger, Duration.ofMillis(300),
					Duration.ofSeconds(2));
			volunteers.add(volunteer);
			Thread thread = new Thread(volunteer, "volunteer-" + (i + 1));
			thread.setDaemon(true);
			thread.start();
		}
		report("Platform: MariaDB 11.4 (stopped and started by the run), instances a and b of %s, %s, %d volunteers "
				+ "at their consoles; ready in %d s", jar.getFileName(),
				brokerRunning() ? "consoles relayed by RabbitMQ on 127.0.0.1:61613"
						: "no broker (consoles on each " + "instance's own)",
				emails.size(), (System.nanoTime() - started) / 1_000_000_000);
	}

	@AfterAll
	static void stopPlatform() throws Exception {
		volunteers.forEach(Volunteer::stop);
		for (PasserelleInstance instance : new PasserelleInstance[] { a, b }) {
			if (instance != null && instance.alive()) {
				instance.stop();
			}
		}
		if (database != null) {
			database.close();
		}
	}

	@Test
	@Order(1)
	void anInstanceKilledOutright() throws Exception {
		Journeys journeys = new Journeys(proxy, authToken, PUBLIC_BASE_URL);
		try (SteadyLoad load = SteadyLoad.start(journeys, 4, 1); StuckOffers stuck = StuckOffers.watch(database)) {
			Thread.sleep(10_000);
			a.kill();
			Thread.sleep(10_000);
			a.start();
			a.awaitReady(START);
			Thread.sleep(5_000);
			load.close();
			stuck.close();
			awaitEmptySpools();
			Counts counts = counts(journeys);
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
		Journeys journeys = new Journeys(proxy, authToken, PUBLIC_BASE_URL);
		try (SteadyLoad load = SteadyLoad.start(journeys, 4, 1); StuckOffers stuck = StuckOffers.watch(database)) {
			Thread.sleep(5_000);
			long stopped = System.nanoTime();
			database.down();
			long notReadyAfter = awaitReadiness(false, Duration.ofSeconds(25));
			Thread.sleep(Math.max(0, 30_000 - (System.nanoTime() - stopped) / 1_000_000));
			long spooled = spooled();
			database.up();
			long back = System.nanoTime();
			long readyAfter = awaitReadiness(true, Duration.ofSeconds(30));
			// the sweep that takes back offers which expired meanwhile runs again within
			// seconds
			stuck.ignoreUntil(back + OFFER_TIMEOUT.toNanos());
			report("  database stopped %d s; both instances not ready %d ms after the stop, ready again %d ms "
					+ "after its return; %d callback requests kept in the spools meanwhile",
					(back - stopped) / 1_000_000_000, notReadyAfter, readyAfter, spooled);
			Thread.sleep(5_000);
			load.close();
			awaitEmptySpools();
			stuck.close();
			Counts counts = counts(journeys);
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
		Assumptions.assumeTrue(brokerRunning(), "no RabbitMQ on 127.0.0.1:61613");
		Journeys journeys = new Journeys(proxy, authToken, PUBLIC_BASE_URL);
		int reopened = ledger.reconnections.get();
		int accepted = ledger.offersAccepted.get();
		try (SteadyLoad load = SteadyLoad.start(journeys, 4, 1); StuckOffers stuck = StuckOffers.watch(database)) {
			Thread.sleep(5_000);
			long stopped = System.nanoTime();
			assertThat(rabbitmqctl("stop_app")).as("rabbitmqctl stop_app").isZero();
			Thread.sleep(Math.max(0, 30_000 - (System.nanoTime() - stopped) / 1_000_000));
			int acceptedMeanwhile = ledger.offersAccepted.get() - accepted;
			assertThat(rabbitmqctl("start_app")).as("rabbitmqctl start_app").isZero();
			long back = System.nanoTime();
			while (!brokerRunning()) {
				Thread.sleep(200);
			}
			awaitConsolesReopenedSince(back, Duration.ofSeconds(60));
			report("  broker stopped %d s (offers accepted meanwhile: %d); every console open again %d ms after its "
					+ "return, %d reopenings", (back - stopped) / 1_000_000_000, acceptedMeanwhile,
					(System.nanoTime() - back) / 1_000_000, ledger.reconnections.get() - reopened);
			Thread.sleep(10_000);
			load.close();
			stuck.close();
			Counts counts = counts(journeys);
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
		Journeys journeys = new Journeys(proxy, authToken, PUBLIC_BASE_URL);
		List<Integer> statuses = new ArrayList<>();
		try (SteadyLoad load = SteadyLoad.start(journeys, 4, 1); StuckOffers stuck = StuckOffers.watch(database)) {
			Thread.sleep(5_000);
			for (PasserelleInstance instance : List.of(a, b)) {
				statuses.add(instance.stop());
				instance.start();
				instance.awaitReady(START);
				Thread.sleep(3_000);
			}
			load.close();
			stuck.close();
			Counts counts = counts(journeys);
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
		for (int i = 0; i < surgeVolunteers.size(); i++) {
			// a call back of about six minutes, at the drill's pace
			Volunteer volunteer = new Volunteer(surgeVolunteers.get(i), List.of(a, b), i, ledger,
					Duration.ofMinutes(6).dividedBy(SURGE_SPEED_UP), Duration.ofSeconds(30));
			volunteers.add(volunteer);
			Thread thread = new Thread(volunteer, "surge-volunteer-" + (i + 1));
			thread.setDaemon(true);
			thread.start();
		}
		awaitConsolesReopenedSince(joined - Duration.ofDays(1).toNanos(), Duration.ofMinutes(2));
		Journeys journeys = new Journeys(proxy, authToken, PUBLIC_BASE_URL);
		SurgeDrill drill = new SurgeDrill(journeys, database, SURGE_SPEED_UP);
		boolean calledBack;
		try (StuckOffers stuck = StuckOffers.watch(database)) {
			calledBack = drill.run(Duration.ofMinutes(2));
			stuck.close();
			Counts counts = counts(journeys);
			report("surge drill: Solidarité numérique's first day, %d calls in two hours at %d times their pace, "
					+ "%d volunteers (a call back of 6 minutes): %s; every request called back: %s; %d waiting at "
					+ "most; volunteers so far: %s; offers past their time: %d at most", SurgeDrill.calls(),
					SURGE_SPEED_UP, volunteers.size(), counts, calledBack ? "yes" : "NO", drill.mostWaiting(), ledger,
					stuck.most());
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
		volunteers.forEach(Volunteer::stop);
		for (PasserelleInstance instance : List.of(a, b)) {
			if (instance.alive()) {
				instance.stop();
			}
		}
		Path envFile = DIRECTORY.resolve("passerelle.env");
		StringBuilder env = new StringBuilder();
		environment.forEach((name, value) -> env.append(name).append('=').append(value).append('\n'));
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

	private static void awaitConsolesReopenedSince(long since, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!volunteers.stream().allMatch((volunteer) -> volunteer.consoleOpenedSince(since))) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Consoles open again after the broker's return: "
						+ volunteers.stream().filter((volunteer) -> volunteer.consoleOpenedSince(since)).count()
						+ " of " + volunteers.size());
			}
			Thread.sleep(200);
		}
	}

	/** How long until both instances' readiness says {@code ready}, in milliseconds. */
	private static long awaitReadiness(boolean ready, Duration timeout) throws InterruptedException {
		long start = System.nanoTime();
		while (a.ready() != ready || b.ready() != ready) {
			if (System.nanoTime() - start > timeout.toNanos()) {
				throw new AssertionError("Instances not " + (ready ? "ready" : "unready") + " after " + timeout);
			}
			Thread.sleep(250);
		}
		return (System.nanoTime() - start) / 1_000_000;
	}

	/** Callback requests kept on the instances' disks, not yet recorded. */
	private static long spooled() throws IOException {
		long kept = 0;
		for (PasserelleInstance instance : List.of(a, b)) {
			if (Files.isDirectory(instance.spool())) {
				try (Stream<Path> files = Files.list(instance.spool())) {
					kept += files.filter((file) -> file.toString().endsWith(".request")).count();
				}
			}
		}
		return kept;
	}

	private static void awaitEmptySpools() throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (spooled() > 0) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError(spooled() + " callback requests still in the spools a minute later");
			}
			Thread.sleep(500);
		}
	}

	/** What the citizens were told, against what the database holds for their numbers. */
	private static Counts counts(Journeys journeys) throws SQLException {
		int sent = 0;
		int calls = 0;
		int successes = 0;
		int failed = 0;
		int failedCalls = 0;
		int retried = 0;
		int tickets = 0;
		int lost = 0;
		int duplicates = 0;
		for (Journeys.Journey journey : journeys.done()) {
			sent++;
			calls += (journey.channel == Journeys.Channel.PHONE) ? 1 : 0;
			retried += journey.retried ? 1 : 0;
			long recorded = database.number("SELECT COUNT(*) FROM ticket WHERE phone_hash = ?",
					vault.lookupHash(PhoneNumber.parse(journey.phone)));
			tickets += (int) recorded;
			if (journey.success) {
				successes++;
				lost += (recorded == 0) ? 1 : 0;
			}
			else {
				failed++;
				failedCalls += (journey.channel == Journeys.Channel.PHONE) ? 1 : 0;
			}
			duplicates += (int) Math.max(0, recorded - 1);
		}
		return new Counts(sent, calls, successes, failed, failedCalls, retried, tickets, lost, duplicates);
	}

	record Counts(int sent, int calls, int successes, int failed, int failedCalls, int retried, int tickets, int lost,
			int duplicates) {

		@Override
		public String toString() {
			return "%d requests sent (%d calls, %d forms), %d answered with a success, %d never, %d retried "
				.formatted(this.sent, this.calls, this.sent - this.calls, this.successes, this.failed, this.retried)
					+ "(Twilio's fallback, a form sent again), %d tickets, %d duplicates, %d lost"
						.formatted(this.tickets, this.duplicates, this.lost);
		}

	}

	private static void report(String format, Object... values) throws IOException {
		String line = String.format(format, values);
		System.out.println("[fault runs] " + line);
		Files.writeString(DIRECTORY.resolve("report.txt"), line + System.lineSeparator(), StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
	}

	/**
	 * Runs rabbitmqctl (as root, or as the broker's user) and returns its exit status.
	 */
	static int rabbitmqctl(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("rabbitmqctl", "--quiet"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(DIRECTORY.resolve("rabbitmqctl.log").toFile()))
			.start();
		if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("rabbitmqctl " + arguments[0] + " did not end within a minute");
		}
		return process.exitValue();
	}

	private static boolean brokerRunning() {
		try (Socket socket = new Socket("127.0.0.1", 61613)) {
			return true;
		}
		catch (IOException closed) {
			return false;
		}
	}

	private static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
