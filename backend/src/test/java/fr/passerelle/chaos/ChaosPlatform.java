package fr.passerelle.chaos;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.privacy.PhoneVault;
import fr.passerelle.privacy.Vaults;

/**
 * What the fault runs run on: a MariaDB server they stop and start, two instances of the
 * built jar with the production profile (and RabbitMQ relaying their consoles when it
 * runs, with a user of their own), a proxy in front, volunteer accounts, and the
 * volunteers at their consoles once started. Also what the runs read: readiness, the
 * spools, and the database's tickets against what citizens were told.
 */
final class ChaosPlatform implements AutoCloseable {

	static final String PUBLIC_BASE_URL = "https://passerelle.chaos.test";

	static final Duration START = Duration.ofMinutes(3);

	/** How long a volunteer has to accept a callback (2 min in production). */
	static final Duration OFFER_TIMEOUT = Duration.ofSeconds(20);

	final Path directory;

	final Path jar;

	final ChaosDatabase database;

	final PasserelleInstance a;

	final PasserelleInstance b;

	final Proxy proxy;

	final String authToken;

	/** The instances' environment, as in their environment file. */
	final Map<String, String> environment;

	/** The volunteers' accounts, opened before the instances started. */
	final List<String> volunteerAccounts;

	final List<Volunteer> volunteers = new CopyOnWriteArrayList<>();

	final Volunteer.Ledger ledger = new Volunteer.Ledger();

	private final PhoneVault vault;

	private ChaosPlatform(Path directory, Path jar, ChaosDatabase database, String authToken, PhoneVault vault,
			Map<String, String> environment, List<String> volunteerAccounts) throws IOException {
		this.directory = directory;
		this.jar = jar;
		this.database = database;
		this.authToken = authToken;
		this.vault = vault;
		this.environment = Map.copyOf(environment);
		this.volunteerAccounts = List.copyOf(volunteerAccounts);
		this.a = new PasserelleInstance("a", jar, directory.resolve("a"), environment);
		this.b = new PasserelleInstance("b", jar, directory.resolve("b"), environment);
		this.proxy = new Proxy(List.of(this.a, this.b));
	}

	/**
	 * Starts everything in an emptied {@code directory}, and waits until both instances
	 * are ready.
	 */
	static ChaosPlatform start(Path directory, Path jar, int volunteerAccounts) throws Exception {
		deleteRecursively(directory);
		Files.createDirectories(directory);
		ChaosDatabase database = ChaosDatabase.start(directory.resolve("mariadb"));
		String encryptionKey = randomKey();
		String hashKey = randomKey();
		String authToken = randomKey();
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
		// open around the clock, so that requests are routed at once whenever CI runs
		for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")) {
			settings.put("passerelle.opening-hours.weekly." + day, "00:00-23:59");
		}
		// shorter than in production, so that a run lasts minutes: the spool replayed
		// every 5 s (1 min), an offer taken back after 20 s (2 min), the next request
		// offered 1 s after the last (1 min)
		settings.put("passerelle.telephony.spool-replay-every", "5s");
		settings.put("passerelle.routing.callback.offer-timeout", OFFER_TIMEOUT.toSeconds() + "s");
		settings.put("passerelle.routing.wrap-up", "1s");
		// the run's proxy speaks plain HTTP: the volunteers' cookies are not secure ones
		settings.put("server.servlet.session.cookie.secure", "false");
		settings.put("server.servlet.session.cookie.name", "SESSION");
		settings.put("passerelle.account.csrf-cookie-name", "XSRF-TOKEN");
		List<String> accounts = ChaosVolunteers.open(settings, volunteerAccounts);
		Map<String, String> environment = new HashMap<>();
		settings.forEach((name, value) -> environment.put(name.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_"),
				value.toString()));
		environment.put("SPRING_PROFILES_ACTIVE", "production");
		ChaosPlatform platform = new ChaosPlatform(directory, jar, database, authToken,
				Vaults.withKeys(encryptionKey, hashKey), relayed(directory, environment), accounts);
		// the schema is there already (the volunteers were opened)
		platform.a.start();
		platform.b.start();
		platform.a.awaitReady(START);
		platform.b.awaitReady(START);
		return platform;
	}

	/** The environment, relaying to RabbitMQ with a user of its own when it runs. */
	private static Map<String, String> relayed(Path directory, Map<String, String> environment) throws Exception {
		if (brokerRunning()) {
			String passcode = randomKey();
			rabbitmqctl(directory, "delete_user", "passerelle-chaos");
			rabbitmqctl(directory, "add_user", "passerelle-chaos", passcode);
			rabbitmqctl(directory, "set_permissions", "-p", "/", "passerelle-chaos", ".*", ".*", ".*");
			environment.put("PASSERELLE_CONSOLE_RELAY_HOST", "127.0.0.1");
			environment.put("PASSERELLE_CONSOLE_RELAY_LOGIN", "passerelle-chaos");
			environment.put("PASSERELLE_CONSOLE_RELAY_PASSCODE", passcode);
		}
		else if ("required".equals(System.getenv("PASSERELLE_RELAY"))) {
			throw new IllegalStateException("RabbitMQ's STOMP port (61613) does not answer");
		}
		return environment;
	}

	/** Volunteers at their consoles from now on, alternating between the instances. */
	void startVolunteers(List<String> accounts, Duration conversation, Duration claimEvery, String names) {
		for (int i = 0; i < accounts.size(); i++) {
			Volunteer volunteer = new Volunteer(accounts.get(i), List.of(this.a, this.b), i, this.ledger, conversation,
					claimEvery);
			this.volunteers.add(volunteer);
			Thread thread = new Thread(volunteer, names + (i + 1));
			thread.setDaemon(true);
			thread.start();
		}
	}

	/**
	 * Waits until every volunteer's console is open, opened at or after {@code since}.
	 */
	void awaitConsolesOpenSince(long since, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!this.volunteers.stream().allMatch((volunteer) -> volunteer.consoleOpenedSince(since))) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Consoles open: "
						+ this.volunteers.stream().filter((volunteer) -> volunteer.consoleOpenedSince(since)).count()
						+ " of " + this.volunteers.size());
			}
			Thread.sleep(200);
		}
	}

	/** How long until both instances' readiness says {@code ready}, in milliseconds. */
	long awaitReadiness(boolean ready, Duration timeout) throws InterruptedException {
		long start = System.nanoTime();
		while (this.a.ready() != ready || this.b.ready() != ready) {
			if (System.nanoTime() - start > timeout.toNanos()) {
				throw new AssertionError("Instances not " + (ready ? "ready" : "unready") + " after " + timeout);
			}
			Thread.sleep(250);
		}
		return (System.nanoTime() - start) / 1_000_000;
	}

	/** Callback requests kept on the instances' disks, not yet recorded. */
	long spooled() throws IOException {
		long kept = 0;
		for (PasserelleInstance instance : List.of(this.a, this.b)) {
			if (Files.isDirectory(instance.spool())) {
				try (Stream<Path> files = Files.list(instance.spool())) {
					kept += files.filter((file) -> file.toString().endsWith(".request")).count();
				}
			}
		}
		return kept;
	}

	void awaitEmptySpools() throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (spooled() > 0) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError(spooled() + " callback requests still in the spools a minute later");
			}
			Thread.sleep(500);
		}
	}

	/** What the citizens were told, against what the database holds for their numbers. */
	Counts counts(Journeys journeys) throws SQLException {
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
			long recorded = this.database.number("SELECT COUNT(*) FROM ticket WHERE phone_hash = ?",
					this.vault.lookupHash(PhoneNumber.parse(journey.phone)));
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

	/**
	 * Runs rabbitmqctl (as root, or as the broker's user) and returns its exit status.
	 */
	int rabbitmqctl(String... arguments) throws IOException, InterruptedException {
		return rabbitmqctl(this.directory, arguments);
	}

	private static int rabbitmqctl(Path directory, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("rabbitmqctl", "--quiet"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("rabbitmqctl.log").toFile()))
			.start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("rabbitmqctl " + arguments[0] + " did not end within a minute");
		}
		return process.exitValue();
	}

	static boolean brokerRunning() {
		try (Socket socket = new Socket("127.0.0.1", 61613)) {
			return true;
		}
		catch (IOException closed) {
			return false;
		}
	}

	@Override
	public void close() throws Exception {
		this.volunteers.forEach(Volunteer::stop);
		for (PasserelleInstance instance : List.of(this.a, this.b)) {
			if (instance.alive()) {
				instance.stop();
			}
		}
		this.database.close();
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

	/** What citizens were told, against the tickets of their numbers. */
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

}
