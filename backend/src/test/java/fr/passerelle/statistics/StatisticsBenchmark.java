package fr.passerelle.statistics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import fr.passerelle.Benchmarks;
import fr.passerelle.PasserelleApplication;
import fr.passerelle.SeparateDatabase;
import fr.passerelle.demo.PastActivity;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics over a year of activity (1,000,000 calls, 1,000,000 requests, 2,000
 * volunteers, mostly during opening hours, themes weighted as a help desk sees them),
 * generated in the database itself as the demonstration's history is
 * ({@link PastActivity}), with a busy weekday's activity today (which the wallboard and
 * the job count from the records), then rolled up as the job does. Measured in one run:
 * every report query for a one-year national range and a one-month regional range (p95,
 * target 300 ms), the wallboard's refresh (p95, target 100 ms), and what keeping the
 * rollups costs the incoming-call webhook: its throughput while the rollup job runs
 * without pause, as a ratio to its throughput without (target 0.9 or more). Prints the
 * query plan of the slowest report query. Run with
 * {@code mvn -Pbench -pl backend verify -Dtest=StatisticsBenchmark}
 * ({@code -Dpasserelle.bench.statistics.calls=…} changes the size); results in
 * {@code backend/target/bench/statistics.txt} and {@code .json}.
 */
class StatisticsBenchmark {

	private static final int CALLS = Integer.getInteger("passerelle.bench.statistics.calls", 1_000_000);

	/**
	 * Measures again on the data an earlier run wrote the same day, without writing or
	 * rolling it up again (to try a change in minutes rather than most of an hour).
	 */
	private static final boolean REUSE = Boolean.getBoolean("passerelle.bench.statistics.reuse");

	/** The embedded server's InnoDB buffer pool (its default, 128 MB, unless given). */
	private static final String BUFFER_POOL = System.getProperty("passerelle.bench.statistics.buffer-pool", "");

	private static final int VOLUNTEERS = 2_000;

	private static final int RUNS = 30;

	private static final int WARM_UP = 5;

	private static final String REGION = "84";

	private static final int NO_TARGET = Integer.MAX_VALUE;

	/** Between two readings of a wallboard, in ms. */
	private static final long WALLBOARD_PAUSE = 1_000;

	@Test
	void reportsOverAYearOfActivity() throws Exception {
		try (ConfigurableApplicationContext app = instance()) {
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			LocalDate today = ParisTime.day(Instant.now());
			LocalDate first = today.minusDays(365);
			Rollups rollups = app.getBean(Rollups.class);
			boolean reused = REUSE && jdbc.queryForObject("SELECT COUNT(*) FROM ticket WHERE created_at >= ?",
					Long.class, Timestamp.from(ParisTime.start(today))) > 0;
			double generation = 0;
			double rollup = 0;
			if (!reused) {
				SeparateDatabase.reset(app);
				long began = System.nanoTime();
				generate(app, jdbc, first);
				generation = Benchmarks.secondsSince(began);
				began = System.nanoTime();
				// the job's first run counts every day since the oldest record, as after
				// an upgrade; its later runs, the last days and today
				Set<LocalDate> days = rollups.run();
				assertThat(days).as("a year and today").hasSizeGreaterThanOrEqualTo(366);
				rollup = Benchmarks.secondsSince(began);
			}
			else {
				// as the job does within a minute of a start (and, after an upgrade, what
				// its new version keeps that the earlier did not)
				rollups.run();
			}

			SummaryReport summaries = app.getBean(SummaryReport.class);
			Breakdowns breakdowns = app.getBean(Breakdowns.class);
			Wallboards wallboards = app.getBean(Wallboards.class);
			Period year = new Period(today.minusDays(365), today.minusDays(1));
			LocalDate monthStart = today.withDayOfMonth(1).minusMonths(1);
			Period month = new Period(monthStart, monthStart.plusMonths(1).minusDays(1));
			Scope region = new Scope(REGION);
			Map<String, Callable<Object>> queries = new LinkedHashMap<>();
			queries.put("summary, national, one year", () -> summaries.summary(year, Scope.NATIONAL));
			queries.put("by day, national, one year", () -> breakdowns.byDay(year, Scope.NATIONAL));
			queries.put("by hour of the week, national, one year", () -> breakdowns.byHourOfWeek(year, Scope.NATIONAL));
			queries.put("by theme, national, one year", () -> breakdowns.byTheme(year, Scope.NATIONAL));
			queries.put("by département, national, one year", () -> breakdowns.byDepartement(year, Scope.NATIONAL));
			queries.put("by volunteer, national, one year", () -> breakdowns.byVolunteer(year, Scope.NATIONAL));
			queries.put("outcome forms, national, one year", () -> breakdowns.outcomes(year, Scope.NATIONAL));
			queries.put("summary, région 84, one month", () -> summaries.summary(month, region));
			queries.put("by day, région 84, one month", () -> breakdowns.byDay(month, region));
			queries.put("by hour of the week, région 84, one month", () -> breakdowns.byHourOfWeek(month, region));
			queries.put("by theme, région 84, one month", () -> breakdowns.byTheme(month, region));
			queries.put("by département, région 84, one month", () -> breakdowns.byDepartement(month, region));
			queries.put("by volunteer, région 84, one month", () -> breakdowns.byVolunteer(month, region));
			queries.put("outcome forms, région 84, one month", () -> breakdowns.outcomes(month, region));
			Map<String, long[]> reports = new LinkedHashMap<>();
			for (Map.Entry<String, Callable<Object>> query : queries.entrySet()) {
				reports.put(query.getKey(), time(query.getValue()));
			}
			Map<String, long[]> boards = new LinkedHashMap<>();
			boards.put("wallboard of the country", time(() -> wallboards.of(Scope.NATIONAL), WALLBOARD_PAUSE));
			boards.put("wallboard of région 84", time(() -> wallboards.of(region), WALLBOARD_PAUSE));
			boards.put("every wallboard at once (what a push reads)", time(wallboards::all, WALLBOARD_PAUSE));
			FactsReader facts = app.getBean(FactsReader.class);
			boards.put("today's count, which readings do not wait for (every 10 s at most)",
					time(() -> DayRollup.count(facts.read(today, Instant.now()))));

			double[] webhook = webhookWithAndWithoutRollups(app, rollups);
			String slowest = reports.entrySet()
				.stream()
				.max((a, b) -> Long.compare(p95(a.getValue()), p95(b.getValue())))
				.orElseThrow()
				.getKey();
			String plan = plan(jdbc, slowest, year);
			report(generation, rollup, jdbc, reports, boards, webhook, slowest, plan);
		}
	}

	/**
	 * The volunteers, then the year's activity, written by the database itself from
	 * sequences (fast).
	 */
	private static void generate(ConfigurableApplicationContext app, JdbcTemplate jdbc, LocalDate first)
			throws SQLException {
		Timestamp start = Timestamp.from(ParisTime.start(first));
		jdbc.update(
				"""
						INSERT INTO account (id, email, display_name, password_hash, role, enabled, created_at, password_changed_at,
						                     approved_at, email_confirmed_at)
						SELECT 100000 + seq, CONCAT('benevole-', seq, '@bench.test'), CONCAT('Bénévole ', seq), 'x', 'VOLUNTEER',
						       TRUE, ?, ?, ?, ?
						FROM seq_1_to_%d"""
					.formatted(VOLUNTEERS),
				start, start, start, start);
		jdbc.update("""
				INSERT INTO volunteer (account_id, departement_code, created_at, approved_at, trained_at)
				SELECT 100000 + seq, d.code, ?, ?, ?
				FROM seq_1_to_%d JOIN (SELECT code, ROW_NUMBER() OVER (ORDER BY code) - 1 AS n FROM departement) d
				  ON d.n = seq %% (SELECT COUNT(*) FROM departement)""".formatted(VOLUNTEERS), start, start, start);
		jdbc.execute("""
				INSERT INTO volunteer_presence (account_id, status, since) SELECT account_id, 'OFFLINE', created_at
				FROM volunteer WHERE account_id > 100000""");
		List<Long> volunteers = LongStream.rangeClosed(100_001, 100_000 + VOLUNTEERS).boxed().toList();
		// a year up to yesterday: one request in five made on the site, and as many calls
		// left in the menu, so that the callers' calls make the year's count
		PastActivity.write(app.getBean(DataSource.class),
				new PastActivity.Plan(first, 365, CALLS, CALLS - CALLS * 4 / 5, volunteers, 0.2, true));
		// and today, a busy weekday's activity written whole (some of it later than now),
		// which
		// the wallboard and the rollup job read from the records
		int today = CALLS / 250;
		PastActivity.write(app.getBean(DataSource.class),
				new PastActivity.Plan(first.plusDays(365), 1, today, today - today * 4 / 5, volunteers, 0.2, true));
	}

	private static long[] time(Callable<?> query) throws Exception {
		return time(query, 0);
	}

	/**
	 * @param pause between two runs, in ms (a wallboard is read every second or so, and
	 * today's figures are counted again meanwhile)
	 */
	private static long[] time(Callable<?> query, long pause) throws Exception {
		for (int i = 0; i < WARM_UP; i++) {
			query.call();
		}
		long[] latencies = new long[RUNS];
		for (int i = 0; i < RUNS; i++) {
			Thread.sleep(pause);
			long began = System.nanoTime();
			query.call();
			latencies[i] = System.nanoTime() - began;
		}
		Arrays.sort(latencies);
		return latencies;
	}

	private static long p95(long[] sorted) {
		return Benchmarks.percentile(sorted, 95);
	}

	/**
	 * The incoming-call webhook's throughput (signed requests, 20 concurrent) without the
	 * rollup job, then while it rebuilds today's and the last days without pause.
	 * @return calls per second without, then with
	 */
	private static double[] webhookWithAndWithoutRollups(ConfigurableApplicationContext app, Rollups rollups)
			throws Exception {
		String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
		fr.passerelle.telephony.BenchCalls calls = new fr.passerelle.telephony.BenchCalls(app, base);
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		int count = 4_000;
		saturate(http, calls.signed(count, "X"));
		double without = count / saturate(http, calls.signed(count, "Y"));
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger rollupsDone = new AtomicInteger();
		Thread job = new Thread(() -> {
			while (running.get()) {
				rollups.run();
				rollupsDone.incrementAndGet();
			}
		});
		job.start();
		double with;
		try {
			with = count / saturate(http, calls.signed(count, "Z"));
		}
		finally {
			running.set(false);
			job.join();
		}
		assertThat(rollupsDone.get()).as("the rollup job ran meanwhile").isPositive();
		return new double[] { without, with, rollupsDone.get() };
	}

	private static double saturate(HttpClient http, List<HttpRequest> requests) throws Exception {
		AtomicInteger failures = new AtomicInteger();
		double seconds = Benchmarks.closedLoop(20, requests.size(), (i) -> {
			if (http.send(requests.get(i), BodyHandlers.discarding()).statusCode() != 200) {
				failures.incrementAndGet();
			}
		});
		assertThat(failures).hasValue(0);
		return seconds;
	}

	/** The query plans of the rollup reads behind the slowest report query. */
	private static String plan(JdbcTemplate jdbc, String query, Period year) {
		String dim = query.startsWith("by theme") ? "T"
				: query.startsWith("by département") ? "P" : query.startsWith("by hour") ? "H" : "D";
		String table = query.startsWith("outcome") ? "statistics_outcomes"
				: query.startsWith("by volunteer") ? "statistics_volunteers" : "statistics_calls";
		String sql = switch (table) {
			case "statistics_outcomes" -> "SELECT question, code, SUM(requests) FROM statistics_outcomes "
					+ "WHERE scope = 'FR' AND day BETWEEN '%s' AND '%s' GROUP BY question, code";
			case "statistics_volunteers" -> "SELECT volunteer_id, SUM(answered) FROM statistics_volunteers "
					+ "WHERE day BETWEEN '%s' AND '%s' GROUP BY volunteer_id";
			default -> "SELECT item, SUM(calls) FROM statistics_calls WHERE dim = '" + dim
					+ "' AND scope = 'FR' AND day BETWEEN '%s' AND '%s' GROUP BY item";
		};
		String explained = sql.formatted(year.from(), year.to());
		StringBuilder plan = new StringBuilder(explained).append('\n');
		jdbc.query("EXPLAIN " + explained, (rs) -> {
			plan.append(
					String.format(Locale.ROOT, "    table %s type %s key %s rows %s extra %s%n", rs.getString("table"),
							rs.getString("type"), rs.getString("key"), rs.getString("rows"), rs.getString("Extra")));
		});
		return plan.toString();
	}

	private static void report(double generation, double rollup, JdbcTemplate jdbc, Map<String, long[]> reports,
			Map<String, long[]> boards, double[] webhook, String slowest, String plan) throws IOException {
		StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
				"""
						Statistics over a year of activity, one embedded MariaDB (buffer pool %s%s), %s
						generated in %.0f s: %,d calls (callers' and platform's legs: %,d rows), %,d requests, %,d timeline entries,
						%,d outcome forms, %,d presence periods, %d volunteers; rolled up (a year and today, the job's first run) in %.0f s
						report queries (%d runs after %d warm-up, in the application, ms)         p50      p95      max   target p95 <= 300
						""",
				BUFFER_POOL.isEmpty() ? "128M, its default" : BUFFER_POOL,
				REUSE ? "; the data of an earlier run reused, when there was some" : "", Instant.now(), generation,
				CALLS, count(jdbc, "telephony_call"), count(jdbc, "ticket"), count(jdbc, "ticket_event"),
				count(jdbc, "ticket_outcome"), count(jdbc, "volunteer_presence_period"), VOLUNTEERS, rollup, RUNS,
				WARM_UP));
		StringBuilder json = new StringBuilder("{\"queries\":{");
		boolean allMet = true;
		for (Map.Entry<String, long[]> query : reports.entrySet()) {
			allMet &= line(text, json, query.getKey(), query.getValue(), 300);
		}
		text.append(
				"wallboard (ms)                                                             p50      p95      max   target p95 <= 100\n");
		boolean boardsMet = true;
		for (Map.Entry<String, long[]> board : boards.entrySet()) {
			boolean met = line(text, json, board.getKey(), board.getValue(),
					board.getKey().startsWith("today") ? NO_TARGET : 100);
			if (!board.getKey().startsWith("every") && !board.getKey().startsWith("today")) {
				boardsMet &= met;
			}
		}
		double ratio = webhook[1] / webhook[0];
		text.append(String.format(Locale.ROOT, """
				incoming-call webhook, 20 concurrent, 4,000 calls each
				    without the rollup job                  %8.0f calls/s
				    while the rollup job runs without pause %8.0f calls/s (%.0f rollups meanwhile)
				    ratio                                   %8.2f   target >= 0.90  %s
				report queries: %s; wallboards: %s
				slowest report query: %s; the plan of its rollup read:
				%s""", webhook[0], webhook[1], webhook[2], ratio, (ratio >= 0.9) ? "met" : "MISSED",
				allMet ? "all met" : "SOME MISSED", boardsMet ? "met" : "MISSED", slowest, plan));
		json.setLength(json.length() - 1);
		json.append(String.format(Locale.ROOT,
				"},\"generationSeconds\":%.1f,\"rollupSeconds\":%.1f,\"webhookWithout\":%.1f,\"webhookWith\":%.1f,"
						+ "\"webhookRatio\":%.3f}%n",
				generation, rollup, webhook[0], webhook[1], ratio));
		Benchmarks.write("statistics", text.toString(), json.toString());
	}

	private static boolean line(StringBuilder text, StringBuilder json, String name, long[] sorted, int target) {
		double p50 = Benchmarks.millis(Benchmarks.percentile(sorted, 50));
		double p95 = Benchmarks.millis(Benchmarks.percentile(sorted, 95));
		double max = Benchmarks.millis(sorted[sorted.length - 1]);
		boolean met = p95 <= target;
		text.append(String.format(Locale.ROOT, "    %-70s %8.1f %8.1f %8.1f   %s%n", name, p50, p95, max,
				(target == NO_TARGET) ? "" : met ? "met" : "MISSED"));
		json.append(
				String.format(Locale.ROOT, "\"%s\":{\"p50\":%.2f,\"p95\":%.2f,\"max\":%.2f},", name, p50, p95, max));
		return met;
	}

	private static long count(JdbcTemplate jdbc, String table) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
	}

	private static ConfigurableApplicationContext instance() {
		List<String> arguments = new ArrayList<>(List.of(SeparateDatabase.arguments("passerelle_bench_statistics")));
		arguments.addAll(List.of("--server.port=0", "--spring.datasource.hikari.maximum-pool-size=40",
				"--passerelle.embedded-db.data-dir=target/bench-mariadb",
				// as in production, not as in the tests
				"--passerelle.statistics.today-max-age=10s",
				"--passerelle.embedded-db.args="
						+ (BUFFER_POOL.isEmpty() ? "" : "--innodb-buffer-pool-size=" + BUFFER_POOL),
				"--logging.level.root=WARN"));
		if (REUSE) {
			arguments.add("--passerelle.embedded-db.reset-on-start=false");
		}
		return new SpringApplicationBuilder(PasserelleApplication.class).profiles("test")
			.run(arguments.toArray(String[]::new));
	}

}
