package fr.passerelle.statistics;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import fr.passerelle.platform.RetentionPeriods;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the rollup tables up to date, every minute on one instance: the last
 * {@value #RECENT_DAYS} days whole (calls end and callback windows close), and every
 * older day whose requests changed since (new entries in their timelines), requests only.
 * The first run rolls up every day since the oldest record. Each day is rebuilt in its
 * own transaction, so that a figure is never read half written.
 */
@Service
class Rollups {

	static final int RECENT_DAYS = 4;

	private static final Logger log = LoggerFactory.getLogger(Rollups.class);

	private final FactsReader facts;

	private final RollupStore store;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration callsKept;

	private final Duration presenceKept;

	Rollups(FactsReader facts, RollupStore store, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
			RetentionPeriods retention) {
		this.presenceKept = retention.presence();
		this.facts = facts;
		this.store = store;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.callsKept = retention.calls();
	}

	/**
	 * Brings the rollups up to date.
	 * @return the days rolled up
	 */
	Set<LocalDate> run() {
		Instant now = this.clock.instant();
		LocalDate today = ParisTime.day(now);
		Set<LocalDate> days = new TreeSet<>();
		for (int i = 0; i < RECENT_DAYS; i++) {
			days.add(today.minusDays(i));
		}
		Map<String, Object> state = this.jdbc.sql(
				"SELECT event_watermark, first_day IS NULL AS first_run, recount_from, volunteer_months_until FROM statistics_rollup_state WHERE id = 1")
			.query()
			.singleRow();
		long watermark = ((Number) state.get("event_watermark")).longValue();
		boolean firstRun = ((Number) state.get("first_run")).intValue() != 0;
		Date recountFrom = (Date) state.get("recount_from");
		Date monthsUntil = (Date) state.get("volunteer_months_until");
		long latest = this.jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM ticket_event").query(Long.class).single();
		LocalDate first = oldestRecord().orElse(today);
		if (recountFrom != null) {
			for (LocalDate day = recountFrom.toLocalDate(); day.isBefore(today); day = day.plusDays(1)) {
				days.add(day);
			}
		}
		if (firstRun) {
			for (LocalDate day = first; day.isBefore(today); day = day.plusDays(1)) {
				days.add(day);
			}
		}
		else if (latest > watermark) {
			// a date as the database keeps it is within a day of that day in Paris
			this.jdbc.sql("""
					SELECT DISTINCT CAST(t.created_at AS DATE) FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id
					WHERE e.id > ? AND e.id <= ?""")
				.params(watermark, latest)
				.query(Date.class)
				.list()
				.forEach((date) -> {
					for (int shift = -1; shift <= 1; shift++) {
						days.add(date.toLocalDate().plusDays(shift));
					}
				});
		}
		days.removeIf(today::isBefore);
		LocalDate recent = today.minusDays(RECENT_DAYS - 1);
		LocalDate thisMonth = today.withDayOfMonth(1);
		Set<LocalDate> months = new TreeSet<>();
		for (LocalDate day : days) {
			boolean volunteers = rebuild(day, now, firstRun || !day.isBefore(recent)
					|| (recountFrom != null && !day.isBefore(recountFrom.toLocalDate())));
			if (volunteers && day.isBefore(thisMonth)) {
				months.add(day.withDayOfMonth(1));
			}
		}
		LocalDate month = (monthsUntil != null) ? monthsUntil.toLocalDate() : first.withDayOfMonth(1);
		for (; month.isBefore(thisMonth); month = month.plusMonths(1)) {
			months.add(month);
		}
		sumVolunteerMonths(months);
		if (recountFrom != null) {
			// unless asked again meanwhile
			this.jdbc.sql("UPDATE statistics_rollup_state SET recount_from = NULL WHERE id = 1 AND recount_from = ?")
				.param(recountFrom)
				.update();
		}
		this.jdbc.sql(
				"UPDATE statistics_rollup_state SET event_watermark = ?, first_day = COALESCE(first_day, ?), rolled_up_at = ?, volunteer_months_until = ? WHERE id = 1")
			.params(latest, Date.valueOf(first), Timestamp.from(now), Date.valueOf(thisMonth))
			.update();
		if (!days.isEmpty()) {
			log.debug("Rolled up {} days of statistics", days.size());
		}
		return days;
	}

	/**
	 * Rebuilds these days whole from the records, as of {@code now} (the calls' and
	 * volunteers' figures too, unless the call records are gone).
	 */
	void rebuild(Collection<LocalDate> days, Instant now) {
		days.forEach((day) -> rebuild(day, now, true));
	}

	/**
	 * Rebuilds a day: its requests' figures, and when {@code whole} its calls' and
	 * volunteers' too. Once a few days old, those are final (and the shifts they were
	 * compared with may have changed since): only the requests still change.
	 */
	private boolean rebuild(LocalDate day, Instant now, boolean whole) {
		LocalDate callsSince = ParisTime.day(now.minus(this.callsKept)).plusDays(RECENT_DAYS);
		DayCells cells = DayRollup.count(this.facts.read(day, now));
		boolean withCalls = whole && !day.isBefore(callsSince);
		this.transactions.executeWithoutResult((status) -> this.store.replace(cells, withCalls));
		return withCalls;
	}

	/**
	 * Sums the volunteers' days of these months (ended) into their monthly lines, each
	 * month in its own transaction.
	 */
	private void sumVolunteerMonths(Collection<LocalDate> months) {
		months.forEach(
				(month) -> this.transactions.executeWithoutResult((status) -> this.store.sumVolunteerMonth(month)));
	}

	/**
	 * Volunteers' own days are kept as long as their presence
	 * ({@code passerelle.retention.presence}); older ones are merged into one anonymous
	 * line per région and day (volunteer 0), which keeps the totals.
	 * @return how many volunteers' days were merged
	 */
	int forgetVolunteers() {
		Date before = Date.valueOf(ParisTime.day(this.clock.instant().minus(this.presenceKept)));
		String sums = Arrays.stream(VolunteerMeasure.values())
			.map(Measure::aggregate)
			.collect(Collectors.joining(", "));
		String columns = Arrays.stream(VolunteerMeasure.values())
			.map(Measure::column)
			.collect(Collectors.joining(", "));
		String additions = Arrays.stream(VolunteerMeasure.values())
			.map((m) -> m.column() + " = " + m.column() + " + VALUES(" + m.column() + ")")
			.collect(Collectors.joining(", "));
		int forgotten = this.transactions.execute((status) -> {
			this.jdbc
				.sql("INSERT INTO statistics_volunteers (day, volunteer_id, region_code, " + columns + ") "
						+ "SELECT day, 0, region_code, " + sums + " FROM statistics_volunteers "
						+ "WHERE day < ? AND volunteer_id <> 0 GROUP BY day, region_code " + "ON DUPLICATE KEY UPDATE "
						+ additions)
				.param(before)
				.update();
			return this.jdbc.sql("DELETE FROM statistics_volunteers WHERE day < ? AND volunteer_id <> 0")
				.param(before)
				.update();
		});
		// the months that still name volunteers on days now forgotten are summed again
		sumVolunteerMonths(this.jdbc
			.sql("SELECT DISTINCT month FROM statistics_volunteer_months WHERE month < ? AND volunteer_id <> 0")
			.param(before)
			.query(Date.class)
			.list()
			.stream()
			.map(Date::toLocalDate)
			.toList());
		return forgotten;
	}

	private Optional<LocalDate> oldestRecord() {
		List<Timestamp> oldest = this.jdbc.sql("""
				SELECT MIN(created_at) FROM ticket UNION ALL SELECT MIN(started_at) FROM telephony_call""")
			.query(Timestamp.class)
			.list();
		return oldest.stream()
			.filter(Objects::nonNull)
			.map((at) -> ParisTime.day(at.toInstant()))
			.min(LocalDate::compareTo);
	}

	/** Runs every minute on the instances that take part in the scheduled jobs. */
	@Component
	@ConditionalOnProperty(name = "passerelle.routing.jobs-enabled", havingValue = "true", matchIfMissing = true)
	static class Job {

		private final Rollups rollups;

		Job(Rollups rollups) {
			this.rollups = rollups;
		}

		@Scheduled(fixedDelayString = "${passerelle.statistics.rollup-interval:60s}", initialDelayString = "5s")
		@SchedulerLock(name = "statistics.rollups", lockAtMostFor = "PT30M")
		void everyMinute() {
			this.rollups.run();
		}

		@Scheduled(cron = "0 50 3 * * *", zone = "Europe/Paris")
		@SchedulerLock(name = "statistics.volunteers-retention", lockAtMostFor = "PT30M")
		void nightly() {
			this.rollups.forgetVolunteers();
		}

	}

}
