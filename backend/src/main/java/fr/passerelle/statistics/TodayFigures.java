package fr.passerelle.statistics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Today's figures, counted from the records (never kept in the rollups), on each instance
 * at most {@code passerelle.statistics.today-max-age} apart. A reading never waits for a
 * count, except the day's first: once the count it is given is that old, a new one is
 * made in the background for the next readings. With a maximum age of zero, every reading
 * counts.
 */
@Component
class TodayFigures implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(TodayFigures.class);

	private final FactsReader facts;

	private final Clock clock;

	private final Duration maxAge;

	private final ExecutorService counter = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "statistics-today");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean counting = new AtomicBoolean();

	private volatile Counted held;

	TodayFigures(FactsReader facts, Clock clock, StatisticsProperties properties) {
		this.facts = facts;
		this.clock = clock;
		this.maxAge = properties.todayMaxAge();
	}

	/** Today's figures, and when they were counted. */
	Counted read() {
		Instant now = this.clock.instant();
		LocalDate today = ParisTime.day(now);
		Counted current = this.held;
		if (current == null || !current.day().equals(today) || this.maxAge.isZero()) {
			return count(today);
		}
		if (!fresh(current, now) && this.counting.compareAndSet(false, true)) {
			this.counter.execute(() -> {
				try {
					count(ParisTime.day(this.clock.instant()));
				}
				catch (RuntimeException ex) {
					log.warn("Today's figures could not be counted again: {}", ex.toString());
				}
				finally {
					this.counting.set(false);
				}
			});
		}
		return current;
	}

	private synchronized Counted count(LocalDate today) {
		Instant now = this.clock.instant();
		Counted current = this.held;
		if (current != null && current.day().equals(today) && !this.maxAge.isZero() && fresh(current, now)) {
			// counted by another reading meanwhile
			return current;
		}
		Counted counted = new Counted(today, now, DayRollup.count(this.facts.read(today, now)));
		this.held = counted;
		return counted;
	}

	private boolean fresh(Counted counted, Instant now) {
		Duration age = Duration.between(counted.at(), now);
		return !age.isNegative() && age.compareTo(this.maxAge) < 0;
	}

	@Override
	public void destroy() {
		this.counter.shutdownNow();
	}

	/** A day's figures, as counted at a moment. */
	record Counted(LocalDate day, Instant at, DayCells cells) {
	}

}
