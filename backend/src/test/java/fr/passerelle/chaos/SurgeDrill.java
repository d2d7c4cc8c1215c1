package fr.passerelle.chaos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Solidarité numérique's first day, sped up: 2,400 calls in two hours, most of them at
 * the opening, paced as they came, while volunteers call back; the queue read every
 * second. The shape (a rush at the opening that tapers off, by ten-minute period) is
 * ours: what is on record is the total of the first hours.
 */
final class SurgeDrill {

	/** Calls in each ten minutes of the two hours: 2,400. */
	static final int[] CALLS_PER_TEN_MINUTES = { 400, 360, 300, 260, 220, 200, 170, 140, 120, 100, 80, 50 };

	private static final Duration PERIOD = Duration.ofMinutes(10);

	private final Journeys journeys;

	private final ChaosDatabase database;

	private final int speedUp;

	private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();

	private long start;

	private Instant startedAt;

	SurgeDrill(Journeys journeys, ChaosDatabase database, int speedUp) {
		this.journeys = journeys;
		this.database = database;
		this.speedUp = speedUp;
	}

	/**
	 * Places the calls at their pace, then waits until every request is called back (its
	 * outcome recorded), for {@code drain} at most.
	 * @return whether every request was called back in time
	 */
	boolean run(Duration drain) throws Exception {
		ExecutorService callers = Executors.newCachedThreadPool();
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		this.startedAt = Instant.now();
		this.start = System.nanoTime();
		sampler.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
		long period = PERIOD.toNanos() / this.speedUp;
		for (int p = 0; p < CALLS_PER_TEN_MINUTES.length; p++) {
			int calls = CALLS_PER_TEN_MINUTES[p];
			for (int i = 0; i < calls; i++) {
				long due = this.start + p * period + i * period / calls;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				callers.execute(this.journeys::call);
			}
		}
		callers.shutdown();
		if (!callers.awaitTermination(3, TimeUnit.MINUTES)) {
			throw new IllegalStateException("Callers still on the line 3 minutes after the last call");
		}
		long deadline = System.nanoTime() + drain.toNanos();
		boolean drained = false;
		while (!drained && System.nanoTime() < deadline) {
			Thread.sleep(1000);
			Sample last = latest();
			drained = last != null && last.open() == 0 && last.at() > callersDone();
		}
		sampler.shutdownNow();
		sampler.awaitTermination(10, TimeUnit.SECONDS);
		return drained;
	}

	private long callersDone() {
		return System.nanoTime() - TimeUnit.SECONDS.toNanos(2);
	}

	private Sample latest() {
		Sample last = null;
		for (Sample sample : this.samples) {
			last = sample;
		}
		return last;
	}

	/** The requests of the drill by where they stand. */
	private void sample() {
		long at = System.nanoTime();
		int waiting = 0;
		int withVolunteer = 0;
		int closed = 0;
		try (Connection connection = DriverManager.getConnection(this.database.url(), "root", "");
				PreparedStatement statement = connection
					.prepareStatement("SELECT status, COUNT(*) FROM ticket WHERE created_at >= ? GROUP BY status")) {
			statement.setTimestamp(1, Timestamp.from(this.startedAt));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					switch (rows.getString(1)) {
						case "NEW", "QUEUED", "SCHEDULED", "OFFERED" -> waiting += rows.getInt(2);
						case "ASSIGNED", "IN_CALL" -> withVolunteer += rows.getInt(2);
						default -> closed += rows.getInt(2);
					}
				}
			}
			this.samples.add(new Sample(at, waiting, withVolunteer, closed));
		}
		catch (Exception unreadable) {
			// read again in a second
		}
	}

	/**
	 * The drill's report: the queue over the two hours (a line every ten minutes of the
	 * day, each the most waiting in it), and the webhooks' latency by period.
	 */
	List<String> report() {
		List<String> lines = new ArrayList<>();
		long period = PERIOD.toNanos() / this.speedUp;
		List<Sample> all = List.copyOf(this.samples);
		int most = all.stream().mapToInt(Sample::waiting).max().orElse(0);
		List<long[]> latencies = this.journeys.latencies();
		lines.add("time   calls  webhook p50/p99 ms  waiting (most in the period), with a volunteer");
		int periods = (int) Math.max(CALLS_PER_TEN_MINUTES.length, (latestAt(all) - this.start) / period + 1);
		for (int p = 0; p < periods; p++) {
			long from = this.start + p * period;
			long to = from + period;
			int waiting = all.stream()
				.filter((s) -> s.at() >= from && s.at() < to)
				.mapToInt(Sample::waiting)
				.max()
				.orElse(0);
			int withVolunteer = all.stream()
				.filter((s) -> s.at() >= from && s.at() < to)
				.mapToInt(Sample::withVolunteer)
				.max()
				.orElse(0);
			long[] inPeriod = latencies.stream()
				.filter((l) -> l[0] >= from && l[0] < to)
				.mapToLong((l) -> l[1])
				.sorted()
				.toArray();
			String bar = "#".repeat((most == 0) ? 0 : (int) Math.round(50.0 * waiting / most));
			lines.add(String.format(Locale.ROOT, "%02d:%02d  %5d  %7s %7s  %-50s %5d, %d", 9 + p / 6, (p % 6) * 10,
					(p < CALLS_PER_TEN_MINUTES.length) ? CALLS_PER_TEN_MINUTES[p] : 0, millis(inPeriod, 0.50),
					millis(inPeriod, 0.99), bar, waiting, withVolunteer));
		}
		long[] every = latencies.stream().mapToLong((l) -> l[1]).sorted().toArray();
		lines.add(String.format(Locale.ROOT, "webhooks: %d, p50 %s ms, p95 %s ms, p99 %s ms, slowest %s ms",
				every.length, millis(every, 0.50), millis(every, 0.95), millis(every, 0.99), millis(every, 1.0)));
		return lines;
	}

	/** The webhooks' p99 over the whole drill, in milliseconds. */
	double p99() {
		long[] every = this.journeys.latencies().stream().mapToLong((l) -> l[1]).sorted().toArray();
		return percentile(every, 0.99) / 1e6;
	}

	/** The worst p99 of a period (of at least 100 webhooks), in milliseconds. */
	double worstPeriodP99() {
		long period = PERIOD.toNanos() / this.speedUp;
		List<long[]> latencies = this.journeys.latencies();
		double worst = 0;
		for (int p = 0; p < CALLS_PER_TEN_MINUTES.length; p++) {
			long from = this.start + p * period;
			long to = from + period;
			long[] inPeriod = latencies.stream()
				.filter((l) -> l[0] >= from && l[0] < to)
				.mapToLong((l) -> l[1])
				.sorted()
				.toArray();
			if (inPeriod.length >= 100) {
				worst = Math.max(worst, percentile(inPeriod, 0.99) / 1e6);
			}
		}
		return worst;
	}

	int mostWaiting() {
		return this.samples.stream().mapToInt(Sample::waiting).max().orElse(0);
	}

	private static long latestAt(List<Sample> samples) {
		return samples.stream().mapToLong(Sample::at).max().orElse(0);
	}

	private static String millis(long[] sorted, double quantile) {
		return (sorted.length == 0) ? "-" : String.format(Locale.ROOT, "%.1f", percentile(sorted, quantile) / 1e6);
	}

	private static long percentile(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	static int calls() {
		return Arrays.stream(CALLS_PER_TEN_MINUTES).sum();
	}

	record Sample(long at, int waiting, int withVolunteer, int closed) {

		int open() {
			return this.waiting + this.withVolunteer;
		}

	}

}
