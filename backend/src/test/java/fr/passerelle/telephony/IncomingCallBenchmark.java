package fr.passerelle.telephony;

import fr.passerelle.telephony.simulator.Signatures;
import fr.passerelle.telephony.simulator.TwilioSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import fr.passerelle.Benchmarks;
import fr.passerelle.PasserelleApplication;
import fr.passerelle.SeparateDatabase;
import fr.passerelle.platform.PublicForms;
import fr.passerelle.platform.PublicPaths;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incoming-call webhook (signature check, the call recorded, TwiML) in one run on one
 * embedded MariaDB (durable, as in production): (a) saturation at 50 concurrent calls,
 * against the two physical limits at the same concurrency: a bare endpoint of the same
 * application, and a raw single-row {@code INSERT} commit loop on the same database; (b)
 * latency at a fixed rate of 100 calls per second, open loop, from the moment each
 * request was due. Requests are signed before the timed phases, so that the load
 * generator does not take the server's cores. Run with
 * {@code mvn -Pbench -pl backend verify -Dtest=IncomingCallBenchmark}; results in
 * {@code backend/target/bench/incoming-calls.txt} and {@code .json}.
 */
class IncomingCallBenchmark {

	private static final int CONCURRENCY = 50;

	private static final int REQUESTS = Integer.getInteger("passerelle.bench.calls", 20_000);

	private static final int WARM_UP = 4_000;

	private static final int RATE_PER_SECOND = 100;

	private static final int RATE_SECONDS = 20;

	private static final String PATH = "/telephony/voice/incoming";

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void incomingCallsUnderSaturationAndAtAFixedRate() throws Exception {
		try (ConfigurableApplicationContext app = instance()) {
			SeparateDatabase.reset(app);
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			TwilioSettings settings = app.getBean(TwilioSettings.class);
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);

			List<HttpRequest> warmUp = signed(base, settings, WARM_UP, "W");
			List<HttpRequest> bare = bare(base, REQUESTS);
			List<HttpRequest> calls = signed(base, settings, REQUESTS, "S");
			List<HttpRequest> paced = signed(base, settings, RATE_PER_SECOND * RATE_SECONDS, "R");

			saturate(warmUp);
			saturate(bare(base, WARM_UP));
			double bareRate = saturate(bare);
			double rawRate = rawInserts(app.getBean(DataSource.class), jdbc, REQUESTS);
			double callRate = saturate(calls);
			long[] latencies = fixedRate(paced);

			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM telephony_call WHERE call_sid LIKE 'CAS%'",
					Integer.class))
				.as("every call recorded")
				.isEqualTo(REQUESTS);
			report(bareRate, rawRate, callRate, latencies);
		}
	}

	/** Posts every request from 50 threads; requests per second (all must answer 200). */
	private double saturate(List<HttpRequest> requests) throws Exception {
		AtomicInteger failures = new AtomicInteger();
		double seconds = Benchmarks.closedLoop(CONCURRENCY, requests.size(), (i) -> {
			if (this.http.send(requests.get(i), BodyHandlers.discarding()).statusCode() != 200) {
				failures.incrementAndGet();
			}
		});
		assertThat(failures).as("failed requests").hasValue(0);
		return requests.size() / seconds;
	}

	/**
	 * The database's limit: one single-row INSERT committed per request, 50 connections.
	 */
	private static double rawInserts(DataSource dataSource, JdbcTemplate jdbc, int count) throws Exception {
		jdbc.execute("DROP TABLE IF EXISTS bench_raw_insert");
		jdbc.execute("CREATE TABLE bench_raw_insert (call_sid VARCHAR(64) NOT NULL PRIMARY KEY, "
				+ "direction VARCHAR(10) NOT NULL, started_at DATETIME(6) NOT NULL) ENGINE = InnoDB");
		AtomicInteger next = new AtomicInteger();
		ExecutorService threads = Executors.newFixedThreadPool(CONCURRENCY);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> running = new ArrayList<>();
		for (int t = 0; t < CONCURRENCY; t++) {
			running.add(threads.submit(() -> {
				try (Connection connection = dataSource.getConnection();
						PreparedStatement insert = connection.prepareStatement(
								"INSERT INTO bench_raw_insert (call_sid, direction, started_at) VALUES (?, 'INBOUND', NOW(6))")) {
					connection.setAutoCommit(true);
					start.await();
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						insert.setString(1, "CA" + i);
						insert.executeUpdate();
					}
				}
				return null;
			}));
		}
		long began = System.nanoTime();
		start.countDown();
		for (Future<?> thread : running) {
			thread.get(10, TimeUnit.MINUTES);
		}
		threads.shutdown();
		return count / Benchmarks.secondsSince(began);
	}

	/** Calls arriving at 100 per second, open loop. */
	private long[] fixedRate(List<HttpRequest> requests) throws Exception {
		return Benchmarks.openLoop(requests.size(), RATE_PER_SECOND,
				(i) -> this.http.send(requests.get(i), BodyHandlers.discarding()));
	}

	private static List<HttpRequest> signed(String base, TwilioSettings settings, int count, String series) {
		List<HttpRequest> requests = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Map<String, String> parameters = new java.util.LinkedHashMap<>();
			parameters.put("AccountSid", settings.accountSid());
			parameters.put("CallSid", String.format("CA%s%031d", series, i));
			parameters.put("CallStatus", "ringing");
			parameters.put("Direction", "inbound");
			parameters.put("From", String.format("+3361%07d", i % 10_000_000));
			parameters.put("To", "+33199001234");
			String signature = Signatures.sign(settings.authToken(), settings.publicBaseUrl() + PATH, parameters);
			requests.add(HttpRequest.newBuilder(URI.create(base + PATH))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header(WebhookSignatures.HEADER, signature)
				.POST(BodyPublishers.ofString(TwilioSimulator.form(parameters)))
				.build());
		}
		return requests;
	}

	private static List<HttpRequest> bare(String base, int count) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + BareEndpoint.PATH))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("CallSid=CA1"))
			.build();
		return java.util.Collections.nCopies(count, request);
	}

	private static void report(double bare, double raw, double calls, long[] latencies) throws IOException {
		long[] sorted = latencies.clone();
		Arrays.sort(sorted);
		double p50 = Benchmarks.millis(Benchmarks.percentile(sorted, 50));
		double p99 = Benchmarks.millis(Benchmarks.percentile(sorted, 99));
		double max = Benchmarks.millis(sorted[sorted.length - 1]);
		double limit = Math.min(bare, raw);
		double ratio = calls / limit;
		String text = String.format(Locale.ROOT, """
				Incoming-call webhook, one run, one embedded MariaDB (durable), %s
				(a) saturation, %d concurrent requests, %,d requests each
				    bare endpoint of the same application                     %8.0f requests/s
				    raw single-row INSERT commit loop                         %8.0f inserts/s
				    incoming-call webhook (signature, call recorded, TwiML)   %8.0f calls/s
				    ratio to the slower limit                                 %8.2f   target >= 0.50  %s
				(b) fixed arrival rate %d calls/s for %d s (open loop, latency from the due time)
				    p50 %6.2f ms   p99 %6.2f ms   max %6.2f ms                 target p99 <= 50 ms  %s
				""", Instant.now(), CONCURRENCY, REQUESTS, bare, raw, calls, ratio, (ratio >= 0.5) ? "met" : "MISSED",
				RATE_PER_SECOND, RATE_SECONDS, p50, p99, max, (p99 <= 50) ? "met" : "MISSED");
		Benchmarks.write("incoming-calls", text,
				String.format(Locale.ROOT,
						"{\"concurrency\":%d,\"bareRequestsPerSecond\":%.1f,\"rawInsertsPerSecond\":%.1f,"
								+ "\"callsPerSecond\":%.1f,\"ratio\":%.3f,\"fixedRatePerSecond\":%d,\"p50Millis\":%.3f,"
								+ "\"p99Millis\":%.3f,\"maxMillis\":%.3f}%n",
						CONCURRENCY, bare, raw, calls, ratio, RATE_PER_SECOND, p50, p99, max));
	}

	private static ConfigurableApplicationContext instance() {
		List<String> arguments = new ArrayList<>(List.of(SeparateDatabase.arguments("passerelle_bench_calls")));
		arguments.addAll(List.of("--server.port=0", "--spring.datasource.hikari.maximum-pool-size=60",
				"--passerelle.embedded-db.data-dir=target/bench-mariadb", "--passerelle.embedded-db.args=",
				"--logging.level.root=WARN"));
		return new SpringApplicationBuilder(PasserelleApplication.class, BareEndpoint.class).profiles("test")
			.run(arguments.toArray(String[]::new));
	}

	/**
	 * The application's own limit: a public POST endpoint that does nothing, behind the
	 * same filters (security, sessions) as the webhook.
	 */
	@Configuration(proxyBeanMethods = false)
	@RestController
	static class BareEndpoint {

		static final String PATH = "/bench/bare";

		@PostMapping(PATH)
		String bare() {
			return "ok";
		}

		@Bean
		PublicPaths benchPublicPaths() {
			return PublicPaths.of(PATH);
		}

		@Bean
		PublicForms benchPublicForms() {
			return PublicForms.of(PATH);
		}

	}

}
