package fr.passerelle.telephony;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import fr.passerelle.platform.RetentionPeriods;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Call records are kept a year ({@code passerelle.retention.calls}), then reduced to
 * anonymous counts per day, direction, leg, outcome, theme and département
 * ({@code telephony_call_day}) and deleted, a thousand at a time, each batch in one
 * transaction: counted and deleted together, so that running it again counts nothing
 * twice.
 */
@Component
class CallRecordRetention {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final int BATCH = 1_000;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration kept;

	CallRecordRetention(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
			RetentionPeriods retention) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.kept = retention.calls();
	}

	/**
	 * @return how many records were reduced to counts
	 */
	int apply() {
		Timestamp before = Timestamp.from(this.clock.instant().minus(this.kept));
		int reduced = 0;
		for (int batch = BATCH; batch == BATCH;) {
			batch = this.transactions.execute((status) -> reduceBatch(before));
			reduced += batch;
		}
		return reduced;
	}

	private int reduceBatch(Timestamp before) {
		List<Call> calls = this.jdbc.sql("""
				SELECT c.call_sid, c.started_at, c.direction, c.leg, c.outcome, c.topic_code, t.departement_code,
				       c.answered_at, c.duration_seconds, c.queued_at, c.dequeued_at
				FROM telephony_call c LEFT JOIN ticket t ON t.id = c.ticket_id
				WHERE c.started_at < ? ORDER BY c.started_at LIMIT ? FOR UPDATE""")
			.params(before, BATCH)
			.query((rs, n) -> new Call(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), instant(rs.getTimestamp(8)),
					(Integer) rs.getObject(9), instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11))))
			.list();
		Map<Key, Counts> days = new LinkedHashMap<>();
		for (Call call : calls) {
			days.computeIfAbsent(call.key(), (key) -> new Counts()).add(call);
		}
		days.forEach((key, counts) -> this.jdbc
			.sql("""
					INSERT INTO telephony_call_day (day, direction, leg, outcome, topic_code, departement_code, calls,
					                                answered, ring_seconds, talk_seconds, queue_seconds, queued)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON DUPLICATE KEY UPDATE calls = calls + VALUES(calls), answered = answered + VALUES(answered),
					    ring_seconds = ring_seconds + VALUES(ring_seconds), talk_seconds = talk_seconds + VALUES(talk_seconds),
					    queue_seconds = queue_seconds + VALUES(queue_seconds), queued = queued + VALUES(queued)""")
			.params(key.day(), key.direction(), key.leg(), key.outcome(), key.topic(), key.departement(), counts.calls,
					counts.answered, counts.ringSeconds, counts.talkSeconds, counts.queueSeconds, counts.queued)
			.update());
		if (!calls.isEmpty()) {
			this.jdbc.sql("DELETE FROM telephony_call WHERE call_sid IN (:sids)")
				.param("sids", calls.stream().map(Call::sid).toList())
				.update();
		}
		return calls.size();
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private record Call(String sid, Instant startedAt, String direction, String leg, String outcome, String topic,
			String departement, Instant answeredAt, Integer durationSeconds, Instant queuedAt, Instant dequeuedAt) {

		Key key() {
			return new Key(LocalDate.ofInstant(this.startedAt, PARIS), this.direction, this.leg,
					(this.outcome != null) ? this.outcome : "", (this.topic != null) ? this.topic : "",
					(this.departement != null) ? this.departement : "");
		}

	}

	private record Key(LocalDate day, String direction, String leg, String outcome, String topic, String departement) {
	}

	private static final class Counts {

		int calls;

		int answered;

		long ringSeconds;

		long talkSeconds;

		long queueSeconds;

		int queued;

		void add(Call call) {
			this.calls++;
			if (call.answeredAt() != null) {
				this.answered++;
				this.ringSeconds += Math.max(0, Duration.between(call.startedAt(), call.answeredAt()).toSeconds());
			}
			if (call.durationSeconds() != null) {
				this.talkSeconds += call.durationSeconds();
			}
			if (call.queuedAt() != null && call.dequeuedAt() != null) {
				this.queued++;
				this.queueSeconds += Math.max(0, Duration.between(call.queuedAt(), call.dequeuedAt()).toSeconds());
			}
		}

	}

	/**
	 * Every night, on one instance at a time, on the instances that take part in the
	 * scheduled jobs.
	 */
	@Component
	@ConditionalOnProperty(name = "passerelle.routing.jobs-enabled", havingValue = "true", matchIfMissing = true)
	static class Nightly {

		private final CallRecordRetention retention;

		Nightly(CallRecordRetention retention) {
			this.retention = retention;
		}

		@Scheduled(cron = "0 15 4 * * *", zone = "Europe/Paris")
		@SchedulerLock(name = "telephony.call-records", lockAtMostFor = "PT1H")
		void run() {
			this.retention.apply();
		}

	}

}
