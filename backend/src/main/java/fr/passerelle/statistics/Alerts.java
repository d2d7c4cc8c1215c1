package fr.passerelle.statistics;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import fr.passerelle.calendar.OpeningHours;
import fr.passerelle.routing.RoutingQueries;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coverage alerts, checked every minute for the whole country and each région:
 * {@code NOBODY_AVAILABLE} when, during opening hours, callers wait on the line and no
 * volunteer who could take one of them is available (routing's own eligibility), and
 * {@code ABANDONMENT} when the calls offered in the last hour (at least
 * {@value #LEAST_OFFERED}) were abandoned more often than the target allows. An alert is
 * raised once ({@link CoverageAlertRaised}) and ends when its rule no longer holds.
 */
@Service
class Alerts {

	/** Fewer calls offered in the last hour say nothing about abandonment. */
	static final int LEAST_OFFERED = 5;

	private final JdbcClient jdbc;

	private final RoutingQueries routing;

	private final OpeningHours openingHours;

	private final Targets targets;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Alerts(JdbcClient jdbc, RoutingQueries routing, OpeningHours openingHours, Targets targets,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.routing = routing;
		this.openingHours = openingHours;
		this.targets = targets;
		this.events = events;
		this.clock = clock;
	}

	/** The alerts that are up, the oldest first. */
	@Transactional(readOnly = true)
	List<Wallboard.Alert> current() {
		return this.jdbc.sql("""
				SELECT rule, scope, started_at FROM statistics_alert WHERE ended_at IS NULL ORDER BY started_at, id""")
			.query((rs, row) -> new Wallboard.Alert(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list();
	}

	/**
	 * Checks every rule in every scope, raises what now holds and ends what no longer
	 * does.
	 * @return the alerts raised
	 */
	@Transactional
	List<Wallboard.Alert> check() {
		Instant now = this.clock.instant();
		Map<String, Set<String>> holding = new LinkedHashMap<>();
		holding.put("NOBODY_AVAILABLE", this.openingHours.isOpen(now) ? nobodyAvailable() : Set.of());
		holding.put("ABANDONMENT", abandonment(now));
		Map<String, Set<String>> open = new HashMap<>();
		this.jdbc.sql("SELECT rule, scope FROM statistics_alert WHERE ended_at IS NULL")
			.query((rs, row) -> open.computeIfAbsent(rs.getString(1), (rule) -> new TreeSet<>()).add(rs.getString(2)))
			.list();
		List<Wallboard.Alert> raised = new java.util.ArrayList<>();
		holding.forEach((rule, scopes) -> {
			Set<String> wasOpen = open.getOrDefault(rule, Set.of());
			for (String scope : scopes) {
				if (!wasOpen.contains(scope)) {
					this.jdbc.sql("INSERT INTO statistics_alert (rule, scope, started_at) VALUES (?, ?, ?)")
						.params(rule, scope, Timestamp.from(now))
						.update();
					raised.add(new Wallboard.Alert(rule, scope, now));
					this.events.publishEvent(new CoverageAlertRaised(rule, scope, now));
				}
			}
			for (String scope : wasOpen) {
				if (!scopes.contains(scope)) {
					this.jdbc.sql(
							"UPDATE statistics_alert SET ended_at = ? WHERE rule = ? AND scope = ? AND ended_at IS NULL")
						.params(Timestamp.from(now), rule, scope)
						.update();
				}
			}
		});
		return raised;
	}

	/** The scopes where live callers wait that no available volunteer could take. */
	private Set<String> nobodyAvailable() {
		Set<String> scopes = new TreeSet<>();
		this.jdbc.sql("""
				SELECT DISTINCT r.topic_code, r.departement_code, r.region_code, r.language
				FROM routing_entry r JOIN ticket t ON t.id = r.ticket_id
				WHERE r.kind = 'LIVE_CALL' AND r.state = 'WAITING' AND NOT t.practice""")
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
			.list()
			.forEach((call) -> {
				if (this.routing.availableForLiveCall(call[0], call[1], call[2], call[3]).isEmpty()) {
					scopes.add(Cell.NATIONAL);
					scopes.add(call[2]);
				}
			});
		return scopes;
	}

	/** The scopes whose calls offered in the last hour were abandoned too often. */
	private Set<String> abandonment(Instant now) {
		double target = this.targets.current().abandonmentRate();
		Map<String, long[]> counts = new HashMap<>();
		this.jdbc.sql("""
				SELECT t.region_code,
				       TIMESTAMPDIFF(MICROSECOND, c.queued_at, COALESCE(c.dequeued_at, c.ended_at)) AS waited,
				       c.outcome
				FROM telephony_call c JOIN ticket t ON t.id = c.ticket_id
				WHERE c.started_at >= ? AND c.direction = 'INBOUND' AND c.leg = 'CALLER' AND c.queued_at IS NOT NULL
				  AND NOT t.practice""").param(Timestamp.from(now.minus(Duration.ofHours(1)))).query((rs, row) -> {
			long waited = rs.getLong("waited");
			boolean gone = "ABANDONED".equals(rs.getString("outcome"))
					|| "SHORT_ABANDON".equals(rs.getString("outcome"));
			boolean brief = gone && !rs.wasNull() && waited < DayRollup.SHORT_ABANDON.toNanos() / 1000;
			for (String scope : List.of(Cell.NATIONAL, rs.getString("region_code"))) {
				long[] count = counts.computeIfAbsent(scope, (s) -> new long[2]);
				if (!brief) {
					count[0]++;
					count[1] += gone ? 1 : 0;
				}
			}
			return row;
		}).list();
		Set<String> scopes = new TreeSet<>();
		counts.forEach((scope, count) -> {
			if (count[0] >= LEAST_OFFERED && (double) count[1] / count[0] > target) {
				scopes.add(scope);
			}
		});
		return scopes;
	}

	/** Checks the rules every minute, on one instance. */
	@Component
	@ConditionalOnProperty(name = "passerelle.routing.jobs-enabled", havingValue = "true", matchIfMissing = true)
	static class Job {

		private final Alerts alerts;

		Job(Alerts alerts) {
			this.alerts = alerts;
		}

		@Scheduled(fixedDelayString = "${passerelle.statistics.alerts-interval:60s}", initialDelayString = "20s")
		@SchedulerLock(name = "statistics.alerts", lockAtMostFor = "PT5M")
		void everyMinute() {
			this.alerts.check();
		}

	}

}
