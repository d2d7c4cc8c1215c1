package fr.passerelle.volunteer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import fr.passerelle.platform.RetentionPeriods;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Volunteers' presence over time ({@code volunteer_presence_period}), what occupancy and
 * coverage are computed from: from when to when each was available (or busy), on a break,
 * or wrapping up. Offline time is not recorded, and periods are kept
 * {@code passerelle.retention.presence} (13 months), no longer.
 */
@Component
class PresencePeriods {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration kept;

	PresencePeriods(JdbcClient jdbc, Clock clock, RetentionPeriods retention) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.kept = retention.presence();
	}

	/**
	 * The volunteer's presence changed at {@code at}: the period that lasted ends, and
	 * another starts unless they went offline (which also cuts a wrap-up short).
	 */
	void changed(long accountId, Presence status, Instant at) {
		Timestamp now = Timestamp.from(at);
		this.jdbc
			.sql("UPDATE volunteer_presence_period SET ended_at = ? "
					+ "WHERE account_id = ? AND ended_at IS NULL AND state <> 'WRAP_UP'")
			.params(now, accountId)
			.update();
		if (status == Presence.OFFLINE) {
			wrapUpEnded(accountId, at);
			return;
		}
		this.jdbc.sql("INSERT INTO volunteer_presence_period (account_id, state, started_at) VALUES (?, ?, ?)")
			.params(accountId, status.name(), now)
			.update();
	}

	/** A wrap-up starts, planned to end at {@code until}; one still running ends. */
	void wrapUpStarted(long accountId, Instant at, Instant until) {
		wrapUpEnded(accountId, at);
		this.jdbc
			.sql("INSERT INTO volunteer_presence_period (account_id, state, started_at, ended_at) "
					+ "VALUES (?, 'WRAP_UP', ?, ?)")
			.params(accountId, Timestamp.from(at), Timestamp.from(until))
			.update();
	}

	/** The volunteer's wrap-up, if one runs, ends at {@code at}. */
	void wrapUpEnded(long accountId, Instant at) {
		this.jdbc
			.sql("UPDATE volunteer_presence_period SET ended_at = ? "
					+ "WHERE account_id = ? AND state = 'WRAP_UP' AND ended_at > ?")
			.params(Timestamp.from(at), accountId, Timestamp.from(at))
			.update();
	}

	/**
	 * Deletes the periods that ended before the retention time.
	 * @return how many
	 */
	int purge() {
		return this.jdbc.sql("DELETE FROM volunteer_presence_period WHERE ended_at < ?")
			.param(Timestamp.from(this.clock.instant().minus(this.kept)))
			.update();
	}

	/** Applies the retention every night, on one instance at a time. */
	@Component
	@ConditionalOnProperty(name = "passerelle.routing.jobs-enabled", havingValue = "true", matchIfMissing = true)
	static class Job {

		private final PresencePeriods periods;

		Job(PresencePeriods periods) {
			this.periods = periods;
		}

		@Scheduled(cron = "0 40 3 * * *", zone = "Europe/Paris")
		@SchedulerLock(name = "volunteers.presence-retention", lockAtMostFor = "PT30M")
		void nightly() {
			this.periods.purge();
		}

	}

}
