package fr.passerelle.chaos;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches, every 2 s, for offers still out well past their time: the sweep that takes
 * them back (every 5 s, on whichever instance holds its lock) must keep running whatever
 * dies. Readings fail while the database is down, and are then skipped.
 */
final class StuckOffers implements AutoCloseable {

	/** Past its time by more than this, an offer is stuck. */
	static final Duration LATE = Duration.ofSeconds(15);

	private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();

	private final AtomicLong most = new AtomicLong();

	private volatile long ignoreUntil = System.nanoTime();

	private StuckOffers() {
	}

	static StuckOffers watch(ChaosDatabase database) {
		StuckOffers watch = new StuckOffers();
		watch.clock.scheduleWithFixedDelay(() -> {
			try {
				long stuck = database.number(
						"SELECT COUNT(*) FROM routing_entry WHERE state = 'OFFERED' AND offer_expires_at < ?",
						Timestamp.from(Instant.now().minus(LATE)));
				if (System.nanoTime() - watch.ignoreUntil >= 0) {
					watch.most.accumulateAndGet(stuck, Math::max);
				}
			}
			catch (Exception databaseDown) {
				// read again in 2 s
			}
		}, 0, 2, TimeUnit.SECONDS);
		return watch;
	}

	/** Readings before this {@link System#nanoTime()} do not count. */
	void ignoreUntil(long nanoTime) {
		this.ignoreUntil = nanoTime;
	}

	/** The most offers found stuck at once. */
	long most() {
		return this.most.get();
	}

	@Override
	public void close() throws InterruptedException {
		this.clock.shutdownNow();
		this.clock.awaitTermination(10, TimeUnit.SECONDS);
	}

}
