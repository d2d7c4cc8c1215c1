package fr.passerelle.statistics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The queue's meters for operators: callers waiting on the line and the longest wait,
 * callbacks due (practice left out), the coverage alerts up, read from the database at
 * most every {@value #FRESHNESS_SECONDS} s whatever the number of scrapes.
 */
@Component
class QueueGauges {

	static final int FRESHNESS_SECONDS = 5;

	/** The coverage alerts' rules ({@link Alerts}). */
	static final List<String> RULES = List.of("NOBODY_AVAILABLE", "ABANDONMENT");

	private final JdbcClient jdbc;

	private final Alerts alerts;

	private final Clock clock;

	/** The last reading; none before the first scrape. */
	private volatile Reading last;

	QueueGauges(JdbcClient jdbc, Alerts alerts, Clock clock, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.alerts = alerts;
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
		for (String rule : RULES) {
			Gauge.builder("passerelle.coverage.alerts", this, (gauges) -> gauges.read().alerts().getOrDefault(rule, 0L))
				.description("Coverage alerts up (the wallboard's): NOBODY_AVAILABLE, callers wait in opening hours "
						+ "and nobody who could answer is available; ABANDONMENT, too many calls abandoned in the "
						+ "last hour")
				.tag("rule", rule)
				.register(registry);
		}
	}

	private synchronized Reading read() {
		long now = System.nanoTime();
		if (this.last != null && now - this.last.at() < Duration.ofSeconds(FRESHNESS_SECONDS).toNanos()) {
			return this.last;
		}
		Instant instant = this.clock.instant();
		Reading queue = this.jdbc.sql("""
				SELECT SUM(r.kind = 'LIVE_CALL'), SUM(r.kind = 'CALLBACK'),
				       MIN(CASE WHEN r.kind = 'LIVE_CALL' THEN r.waiting_since END)
				FROM routing_entry r JOIN ticket t ON t.id = r.ticket_id
				WHERE r.state IN ('WAITING', 'OFFERED') AND NOT t.practice""").query((rs, row) -> {
			Timestamp oldest = rs.getTimestamp(3);
			long longest = (oldest != null) ? Math.max(0, Duration.between(oldest.toInstant(), instant).toSeconds())
					: 0;
			return new Reading(rs.getLong(1), longest, rs.getLong(2), Map.of(), now);
		}).single();
		Map<String, Long> alerts = this.alerts.current()
			.stream()
			.collect(Collectors.groupingBy(Wallboard.Alert::rule, Collectors.counting()));
		this.last = new Reading(queue.callers(), queue.longestSeconds(), queue.callbacks(), alerts, now);
		return this.last;
	}

	private record Reading(long callers, long longestSeconds, long callbacks, Map<String, Long> alerts, long at) {
	}

}
