package fr.passerelle.statistics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The queue's meters for operators: callers waiting on the line and the longest wait,
 * callbacks due (practice left out), read from the database at most every
 * {@value #FRESHNESS_SECONDS} s whatever the number of scrapes.
 */
@Component
class QueueGauges {

	static final int FRESHNESS_SECONDS = 5;

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile Reading last = new Reading(0, 0, 0, Long.MIN_VALUE);

	QueueGauges(JdbcClient jdbc, Clock clock, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.clock = clock;
		Gauge.builder("passerelle.queue.callers.waiting", this, (gauges) -> gauges.read().callers())
			.description("Callers waiting on the line for a volunteer")
			.register(registry);
		Gauge.builder("passerelle.queue.longest.wait", this, (gauges) -> gauges.read().longestSeconds())
			.description("How long the caller who has waited longest has waited")
			.baseUnit("seconds")
			.register(registry);
		Gauge.builder("passerelle.callbacks.due", this, (gauges) -> gauges.read().callbacks())
			.description("Callback requests waiting for a volunteer now")
			.register(registry);
	}

	private synchronized Reading read() {
		long now = System.nanoTime();
		if (now - this.last.at() < Duration.ofSeconds(FRESHNESS_SECONDS).toNanos()) {
			return this.last;
		}
		Instant instant = this.clock.instant();
		this.last = this.jdbc.sql("""
				SELECT SUM(r.kind = 'LIVE_CALL'), SUM(r.kind = 'CALLBACK'),
				       MIN(CASE WHEN r.kind = 'LIVE_CALL' THEN r.waiting_since END)
				FROM routing_entry r JOIN ticket t ON t.id = r.ticket_id
				WHERE r.state IN ('WAITING', 'OFFERED') AND NOT t.practice""").query((rs, row) -> {
			Timestamp oldest = rs.getTimestamp(3);
			long longest = (oldest != null) ? Math.max(0, Duration.between(oldest.toInstant(), instant).toSeconds())
					: 0;
			return new Reading(rs.getLong(1), longest, rs.getLong(2), now);
		}).single();
		return this.last;
	}

	private record Reading(long callers, long longestSeconds, long callbacks, long at) {
	}

}
