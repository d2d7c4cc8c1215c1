package fr.passerelle.chaos;

import java.io.IOException;
import java.net.Socket;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
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

	private static final String PUBLIC_BASE_URL = "https://passerelle.chaos.test";

	private static ChaosDatabase database;

	private static PasserelleInstance a;

	private static PasserelleInstance b;

	private static Proxy proxy;

	private static PhoneVault vault;

	private static String authToken;

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
		Map<String, String> environment = new HashMap<>();
		environment.put("SPRING_PROFILES_ACTIVE", "production");
		environment.put("SPRING_DATASOURCE_URL", database.url());
		environment.put("SPRING_DATASOURCE_USERNAME", "root");
		environment.put("SPRING_DATASOURCE_PASSWORD", "");
		environment.put("PASSERELLE_PRIVACY_ENCRYPTION_KEY", encryptionKey);
		environment.put("PASSERELLE_PRIVACY_HASH_KEY", hashKey);
		environment.put("PASSERELLE_TWILIO_MODE", "simulator");
		environment.put("PASSERELLE_TWILIO_AUTH_TOKEN", authToken);
		environment.put("PASSERELLE_PUBLIC_BASE_URL", PUBLIC_BASE_URL);
		environment.put("PASSERELLE_ADMIN_EMAIL", "admin@chaos.test");
		environment.put("PASSERELLE_ADMIN_PASSWORD", randomKey());
		environment.put("PASSERELLE_PRIVACY_CONTROLLER_NAME", "Passerelle fault runs");
		environment.put("PASSERELLE_PRIVACY_CONTACT", "dpo@chaos.test");
		environment.put("PASSERELLE_PRIVACY_HOST", "this machine");
		// no e-mail is sent during the runs; production refuses to start without a server
		environment.put("SPRING_MAIL_HOST", "smtp.chaos.test");
		// the spool is replayed every 5 s instead of every minute, so that a run is short
		environment.put("PASSERELLE_TELEPHONY_SPOOL_REPLAY_EVERY", "5s");
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
		// one after the other: the first creates the schema
		a.start();
		a.awaitReady(START);
		b.start();
		b.awaitReady(START);
		proxy = new Proxy(List.of(a, b));
		report("Platform: MariaDB 11.4 (stopped and started by the run), instances a and b of %s, %s; ready in %d s",
				jar.getFileName(), brokerRunning() ? "consoles' broker RabbitMQ on 127.0.0.1:61613" : "no broker",
				(System.nanoTime() - started) / 1_000_000_000);
	}

	@AfterAll
	static void stopPlatform() throws Exception {
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
		try (SteadyLoad load = SteadyLoad.start(journeys, 4, 1)) {
			Thread.sleep(10_000);
			a.kill();
			Thread.sleep(10_000);
			a.start();
			a.awaitReady(START);
			Thread.sleep(5_000);
		}
		awaitEmptySpools();
		Counts counts = counts(journeys);
		report("kill -9 of instance a under load, then started again: %s", counts);

		assertThat(counts.lost()).as("requests told they were taken, and not in the database").isZero();
		assertThat(counts.duplicates()).as("requests recorded twice").isZero();
		assertThat(counts.failed()).as("citizens who never got a success answer").isZero();
	}

	@Test
	@Order(2)
	void theDatabaseStoppedForThirtySeconds() throws Exception {
		Journeys journeys = new Journeys(proxy, authToken, PUBLIC_BASE_URL);
		long spooled;
		long notReadyAfter;
		long readyAfter;
		try (SteadyLoad load = SteadyLoad.start(journeys, 4, 1)) {
			Thread.sleep(5_000);
			long stopped = System.nanoTime();
			database.down();
			notReadyAfter = awaitReadiness(false, Duration.ofSeconds(25));
			Thread.sleep(Math.max(0, 30_000 - (System.nanoTime() - stopped) / 1_000_000));
			spooled = spooled();
			database.up();
			long back = System.nanoTime();
			readyAfter = awaitReadiness(true, Duration.ofSeconds(30));
			report("  database stopped %d s; both instances not ready %d ms after the stop, ready again %d ms "
					+ "after its return; %d callback requests kept in the spools meanwhile",
					(back - stopped) / 1_000_000_000, notReadyAfter, readyAfter, spooled);
			Thread.sleep(5_000);
		}
		awaitEmptySpools();
		Counts counts = counts(journeys);
		report("database stopped 30 s under load: %s", counts);

		assertThat(readyAfter).as("ready within 10 s of the database's return").isLessThanOrEqualTo(10_000);
		assertThat(spooled).as("callers left callback requests through the fallback path").isPositive();
		assertThat(counts.lost()).as("requests told they were taken, and not in the database").isZero();
		assertThat(counts.duplicates()).as("requests recorded twice (a spool replayed more than once)").isZero();
		assertThat(counts.failedCalls()).as("callers who never got a success answer").isZero();
	}

	@Test
	@Order(3)
	void aRollingRestartUnderLoad() throws Exception {
		Journeys journeys = new Journeys(proxy, authToken, PUBLIC_BASE_URL);
		List<Integer> statuses = new ArrayList<>();
		try (SteadyLoad load = SteadyLoad.start(journeys, 4, 1)) {
			Thread.sleep(5_000);
			for (PasserelleInstance instance : List.of(a, b)) {
				statuses.add(instance.stop());
				instance.start();
				instance.awaitReady(START);
				Thread.sleep(3_000);
			}
		}
		Counts counts = counts(journeys);
		report("rolling restart under load (a then b, SIGTERM, exit statuses %s): %d webhooks, %d failed; "
				+ "%d forms sent, %d failed; %s", statuses, journeys.webhooks(), journeys.failedWebhooks(),
				journeys.forms(), journeys.failedForms(), counts);

		assertThat(statuses).as("graceful shutdowns").containsOnly(143);
		assertThat(journeys.failedWebhooks()).as("failed webhooks").isZero();
		assertThat(journeys.failedForms()).as("failed forms").isZero();
		assertThat(counts.lost()).isZero();
		assertThat(counts.duplicates()).isZero();
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
