package fr.passerelle.routing;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
import fr.passerelle.platform.RejectedRequest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Claims on 100,000 queued requests, in one run on one database (the embedded MariaDB,
 * durable as in production): (a) saturation: 50 claimers through the real routing code
 * against a raw claim loop at the same concurrency (one {@code … ORDER BY … LIMIT 1}
 * statement per claim in autocommit, the physical limit); (b) latency at a fixed arrival
 * rate of 200 claims/s, measured from the moment each claim was due (open loop). Run with
 * {@code mvn -Pbench -pl backend -am verify} (options:
 * {@code -Dpasserelle.bench.claims=…}, {@code -Dpasserelle.bench.queued=…}); results in
 * {@code backend/target/bench/routing-claims.txt} and {@code .json}.
 */
class RoutingClaimBenchmark {

	private static final int QUEUED = Integer.getInteger("passerelle.bench.queued", 100_000);

	private static final int CLAIMERS = 50;

	private static final int SATURATION_CLAIMS = Integer.getInteger("passerelle.bench.claims", 20_000);

	private static final int WARM_UP_CLAIMS = 3_000;

	private static final int RATE_PER_SECOND = 200;

	private static final int RATE_SECONDS = 20;

	private static final int CAPACITY = 10;

	@Test
	void claimsUnderSaturationAndAtAFixedRate() throws Exception {
		try (ConfigurableApplicationContext app = instance()) {
			SeparateDatabase.reset(app);
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			Routing routing = app.getBean(Routing.class);
			ConcurrentClaimsIntegrationTests.seedQueuedTickets(jdbc, QUEUED);
			// Twice what an even share needs: claimers do not all get the same share.
			int perClaimer = 2 * (WARM_UP_CLAIMS + SATURATION_CLAIMS) / CLAIMERS / CAPACITY + 5;
			List<long[]> claimerVolunteers = volunteers(jdbc, CLAIMERS, perClaimer);
			long[] rateVolunteers = volunteers(jdbc, 1, RATE_PER_SECOND * RATE_SECONDS / CAPACITY + 10).get(0);

			rawQueue(jdbc);

			System.out.printf("warm-up: %.0f claims/s%n", saturate(routing, claimerVolunteers, WARM_UP_CLAIMS));
			double raw = rawLoop(app.getBean(DataSource.class), SATURATION_CLAIMS);
			System.out.printf("raw loop: %.0f claims/s%n", raw);
			double real = saturate(routing, claimerVolunteers, SATURATION_CLAIMS);
			System.out.printf("routing: %.0f claims/s%n", real);
			long[] latencies = fixedRate(routing, rateVolunteers);

			report(raw, real, latencies);
		}
	}

	/**
	 * Claims through {@link Routing#takeNext} from 50 threads until {@code claims}
	 * succeeded; claims per second.
	 */
	private static double saturate(Routing routing, List<long[]> volunteers, int claims) throws Exception {
		AtomicInteger done = new AtomicInteger();
		ExecutorService threads = Executors.newFixedThreadPool(CLAIMERS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> running = new ArrayList<>();
		for (long[] mine : volunteers) {
			running.add(threads.submit(() -> {
				start.await();
				int current = 0;
				while (done.get() < claims && current < mine.length) {
					try {
						if (routing.takeNext(mine[current]).isPresent()) {
							done.incrementAndGet();
						}
					}
					catch (RejectedRequest atCapacity) {
						current++;
					}
				}
				return null;
			}));
		}
		long began = System.nanoTime();
		start.countDown();
		for (Future<?> claimer : running) {
			claimer.get(10, TimeUnit.MINUTES);
		}
		threads.shutdown();
		return done.get() / Benchmarks.secondsSince(began);
	}

	/**
	 * The raw loop's queue: the same requests, in the same order, in a table of its own
	 * (claimed rows stay there, and the raw loop leaves the routing index untouched).
	 */
	private static void rawQueue(JdbcTemplate jdbc) {
		jdbc.execute("DROP TABLE IF EXISTS bench_raw_claim");
		jdbc.execute("""
				CREATE TABLE bench_raw_claim (
				    ticket_id BIGINT NOT NULL PRIMARY KEY,
				    status VARCHAR(10) NOT NULL,
				    lane TINYINT NOT NULL,
				    urgency TINYINT NOT NULL,
				    waiting_since DATETIME(6) NOT NULL,
				    INDEX ix_bench_raw_claim_order (lane, urgency, waiting_since, ticket_id)
				) ENGINE = InnoDB""");
		jdbc.update("INSERT INTO bench_raw_claim SELECT ticket_id, 'QUEUED', lane, urgency, waiting_since "
				+ "FROM routing_entry WHERE state = 'WAITING'");
	}

	/**
	 * The physical limit: one autocommit statement per claim, from 50 connections at READ
	 * COMMITTED; claims per second. The statement is a
	 * {@code DELETE … ORDER BY … LIMIT 1} rather than
	 * {@code UPDATE … SET status = 'CLAIMED' WHERE status = 'QUEUED' …}: on MariaDB 11.4
	 * the {@code UPDATE} form collapses at 50 connections (under 35 claims/s: each one
	 * walks the entries its predecessors left behind in the status index), while the
	 * {@code DELETE} form is the fastest single-statement claim there is, so the
	 * strictest baseline.
	 */
	private static double rawLoop(DataSource dataSource, int claims) throws Exception {
		AtomicInteger done = new AtomicInteger();
		ExecutorService threads = Executors.newFixedThreadPool(CLAIMERS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> running = new ArrayList<>();
		for (int i = 0; i < CLAIMERS; i++) {
			running.add(threads.submit(() -> {
				try (Connection connection = dataSource.getConnection();
						PreparedStatement claim = connection
							.prepareStatement("DELETE FROM bench_raw_claim ORDER BY lane, urgency, waiting_since, "
									+ "ticket_id LIMIT 1")) {
					connection.setAutoCommit(true);
					connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
					start.await();
					while (done.get() < claims) {
						try {
							if (claim.executeUpdate() == 1) {
								done.incrementAndGet();
							}
						}
						catch (java.sql.SQLTransactionRollbackException deadlock) {
							// InnoDB picks a victim among concurrent UPDATE … LIMIT 1:
							// try again, as any claim loop would
						}
					}
				}
				return null;
			}));
		}
		long began = System.nanoTime();
		start.countDown();
		for (Future<?> claimer : running) {
			claimer.get(10, TimeUnit.MINUTES);
		}
		threads.shutdown();
		return done.get() / Benchmarks.secondsSince(began);
	}

	/** Claims arriving at 200 per second, open loop. */
	private static long[] fixedRate(Routing routing, long[] volunteers) throws Exception {
		return Benchmarks.openLoop(RATE_PER_SECOND * RATE_SECONDS, RATE_PER_SECOND,
				(i) -> routing.takeNext(volunteers[i / CAPACITY]));
	}

	private static void report(double raw, double real, long[] latencies) throws IOException {
		long[] sorted = latencies.clone();
		Arrays.sort(sorted);
		double p50 = Benchmarks.millis(Benchmarks.percentile(sorted, 50));
		double p99 = Benchmarks.millis(Benchmarks.percentile(sorted, 99));
		double max = Benchmarks.millis(sorted[sorted.length - 1]);
		double ratio = real / raw;
		String text = String.format(Locale.ROOT, """
				Routing claims on %,d queued requests, one run, one embedded MariaDB (durable), %s
				(a) saturation, %d claimers, %,d claims each side
				    raw claim loop (DELETE … LIMIT 1, autocommit, RC)      %8.0f claims/s
				    routing (Routing.takeNext)                                %8.0f claims/s
				    ratio routing / raw                                       %8.2f   target >= 0.50  %s
				(b) fixed arrival rate %d claims/s for %d s (open loop, latency from the due time)
				    p50 %6.2f ms   p99 %6.2f ms   max %6.2f ms                 target p99 <= 20 ms  %s
				""", QUEUED, Instant.now(), CLAIMERS, SATURATION_CLAIMS, raw, real, ratio,
				(ratio >= 0.5) ? "met" : "MISSED", RATE_PER_SECOND, RATE_SECONDS, p50, p99, max,
				(p99 <= 20) ? "met" : "MISSED");
		Benchmarks.write("routing-claims", text, String.format(Locale.ROOT,
				"{\"queued\":%d,\"claimers\":%d,\"rawClaimsPerSecond\":%.1f,\"routingClaimsPerSecond\":%.1f,"
						+ "\"ratio\":%.3f,\"fixedRatePerSecond\":%d,\"p50Millis\":%.3f,\"p99Millis\":%.3f,\"maxMillis\":%.3f}%n",
				QUEUED, CLAIMERS, raw, real, ratio, RATE_PER_SECOND, p50, p99, max));
	}

	/**
	 * Approved, trained, available volunteers serving the whole country, written straight
	 * to the tables: {@code
	 * groups} lists of {@code each} volunteers.
	 */
	private static List<long[]> volunteers(JdbcTemplate jdbc, int groups, int each) {
		Timestamp now = Timestamp.from(Instant.now());
		List<long[]> all = new ArrayList<>();
		for (int g = 0; g < groups; g++) {
			long[] ids = new long[each];
			for (int i = 0; i < each; i++) {
				String email = "bench-" + System.nanoTime() + "-" + g + "-" + i + "@passerelle.test";
				jdbc.update(
						"INSERT INTO account (email, display_name, password_hash, role, created_at, "
								+ "password_changed_at) VALUES (?, 'Bench', '{noop}x', 'VOLUNTEER', ?, ?)",
						email, now, now);
				long id = jdbc.queryForObject("SELECT id FROM account WHERE email = ?", Long.class, email);
				jdbc.update(
						"INSERT INTO volunteer (account_id, departement_code, created_at, capacity, "
								+ "serves_nationally, approved_at, trained_at) VALUES (?, '75', ?, ?, TRUE, ?, ?)",
						id, now, CAPACITY, now, now);
				jdbc.update("INSERT INTO volunteer_skill (account_id, topic_code) VALUES (?, 'CAF')", id);
				jdbc.update("INSERT INTO volunteer_territory (account_id, kind, code) VALUES (?, 'D', '75')", id);
				jdbc.update("INSERT INTO volunteer_presence (account_id, status, since, idle_since) "
						+ "VALUES (?, 'AVAILABLE', ?, ?)", id, now, now);
				ids[i] = id;
			}
			all.add(ids);
		}
		return all;
	}

	private static ConfigurableApplicationContext instance() {
		List<String> arguments = new ArrayList<>(List.of(SeparateDatabase.arguments("passerelle_bench")));
		arguments.addAll(List.of("--server.port=0", "--spring.datasource.hikari.maximum-pool-size=120",
				"--passerelle.embedded-db.data-dir=target/bench-mariadb", "--passerelle.embedded-db.args=",
				"--logging.level.root=WARN"));
		return new SpringApplicationBuilder(PasserelleApplication.class).profiles("test")
			.run(arguments.toArray(String[]::new));
	}

}
