package fr.passerelle.chaos;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the real jar, as an operator runs it: its own process, working
 * directory (where its fallback spool lies) and log; stopped as systemd or Kubernetes
 * stops it (SIGTERM, a graceful shutdown) or killed outright.
 */
final class PasserelleInstance {

	private final String name;

	private final Path jar;

	private final Path directory;

	private final int port;

	private final int managementPort;

	private final Map<String, String> environment;

	private Process process;

	PasserelleInstance(String name, Path jar, Path directory, Map<String, String> environment) throws IOException {
		this.name = name;
		this.jar = jar;
		this.directory = directory;
		this.port = ChaosDatabase.freePort();
		this.managementPort = ChaosDatabase.freePort();
		this.environment = environment;
		Files.createDirectories(directory);
	}

	String name() {
		return this.name;
	}

	int port() {
		return this.port;
	}

	String base() {
		return "http://127.0.0.1:" + this.port;
	}

	/** The management port's address (probes, metrics), as Prometheus scrapes it. */
	String managementBase() {
		return "http://127.0.0.1:" + this.managementPort;
	}

	Path spool() {
		return this.directory.resolve("data/telephony-spool");
	}

	/** Starts the jar and returns without waiting (see {@link #awaitReady(Duration)}). */
	synchronized void start() throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
						"-XX:TieredStopAtLevel=1", "-jar", this.jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.directory.resolve("passerelle.log").toFile()));
		Map<String, String> env = builder.environment();
		env.keySet().removeIf((key) -> !key.equals("PATH") && !key.equals("HOME") && !key.equals("LANG"));
		env.putAll(this.environment);
		env.put("SERVER_PORT", Integer.toString(this.port));
		env.put("MANAGEMENT_SERVER_PORT", Integer.toString(this.managementPort));
		this.process = builder.start();
	}

	/** Waits until the readiness probe says UP. */
	void awaitReady(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!ready()) {
			if (this.process == null || !this.process.isAlive()) {
				throw new IllegalStateException(this.name + " stopped while starting: see " + log());
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(this.name + " not ready after " + timeout + ": see " + log());
			}
			Thread.sleep(200);
		}
	}

	/** What the readiness probe says, as a load balancer reads it. */
	boolean ready() {
		try {
			HttpURLConnection probe = (HttpURLConnection) URI
				.create("http://127.0.0.1:" + this.managementPort + "/actuator/health/readiness")
				.toURL()
				.openConnection();
			probe.setConnectTimeout(1000);
			probe.setReadTimeout(8000);
			try {
				return probe.getResponseCode() == 200
						&& new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).contains("\"UP\"");
			}
			finally {
				probe.disconnect();
			}
		}
		catch (IOException unreachable) {
			return false;
		}
	}

	/** kill -9: no shutdown at all, whatever was under way is cut. */
	synchronized void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/**
	 * SIGTERM, as {@code systemctl stop} or Kubernetes sends it: the instance finishes
	 * what is under way and stops.
	 * @return the exit status (143 after a graceful shutdown)
	 */
	synchronized int stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			throw new IllegalStateException(this.name + " did not stop within 60 s of SIGTERM: see " + log());
		}
		return this.process.exitValue();
	}

	boolean alive() {
		return this.process != null && this.process.isAlive();
	}

	Path log() {
		return this.directory.resolve("passerelle.log");
	}

	/** The log's lines at level ERROR (the production profile writes JSON lines). */
	List<String> errors() throws IOException {
		if (!Files.exists(log())) {
			return List.of();
		}
		return Files.readAllLines(log()).stream().filter((line) -> line.contains("\"level\":\"ERROR\"")).toList();
	}

}
