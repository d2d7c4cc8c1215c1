package fr.passerelle.telephony;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import fr.passerelle.IntegrationTest;
import fr.passerelle.TestClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Call records are reduced to anonymous daily counts after a year, and deleted (issue 13,
 * finding 10); what the statistics need of them stays, counted once however often the job
 * runs.
 */
@IntegrationTest
class CallRecordRetentionIntegrationTests {

	@Autowired
	CallRecordRetention retention;

	@Autowired
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void reducesCallsOlderThanAYearToDailyCountsAndDeletesThem() {
		Instant old = this.clock.instant().minus(Duration.ofDays(400));
		String answered = insert(old, "ANSWERED", old.plusSeconds(12), 300, old.plusSeconds(2), old.plusSeconds(10));
		String abandoned = insert(old.plusSeconds(3600), "ABANDONED", null, null, old.plusSeconds(3605),
				old.plusSeconds(3665));
		String missed = insert(old.plusSeconds(7200), "ABANDONED", null, null, null, null);
		String recent = insert(this.clock.instant().minus(Duration.ofDays(20)), "ANSWERED", null, 60, null, null);

		assertThat(this.retention.apply()).isGreaterThanOrEqualTo(3);

		assertThat(exists(answered)).isFalse();
		assertThat(exists(abandoned)).isFalse();
		assertThat(exists(missed)).isFalse();
		assertThat(exists(recent)).as("a call of last month stays as it is").isTrue();
		LocalDate day = LocalDate.ofInstant(old, ZoneId.of("Europe/Paris"));
		assertThat(counts(day, "ANSWERED")).containsEntry("calls", 1)
			.containsEntry("answered", 1)
			.containsEntry("ring_seconds", 12L)
			.containsEntry("talk_seconds", 300L)
			.containsEntry("queued", 1)
			.containsEntry("queue_seconds", 8L);
		assertThat(counts(day, "ABANDONED")).containsEntry("calls", 2)
			.containsEntry("answered", 0)
			.containsEntry("queued", 1)
			.containsEntry("queue_seconds", 60L);

		assertThat(this.retention.apply()).as("running again counts nothing twice").isZero();
		assertThat(counts(day, "ABANDONED")).containsEntry("calls", 2);
	}

	private String insert(Instant startedAt, String outcome, Instant answeredAt, Integer duration, Instant queuedAt,
			Instant dequeuedAt) {
		String sid = "CA" + UUID.randomUUID().toString().replace("-", "");
		this.jdbc.sql("""
				INSERT INTO telephony_call (call_sid, direction, leg, started_at, topic_code, postcode, outcome,
				                            answered_at, duration_seconds, queued_at, dequeued_at)
				VALUES (?, 'INBOUND', 'CALLER', ?, 'RETIREMENT', '23000', ?, ?, ?, ?, ?)""")
			.params(sid, Timestamp.from(startedAt), outcome, timestamp(answeredAt), duration, timestamp(queuedAt),
					timestamp(dequeuedAt))
			.update();
		return sid;
	}

	private boolean exists(String sid) {
		return this.jdbc.sql("SELECT COUNT(*) FROM telephony_call WHERE call_sid = ?")
			.param(sid)
			.query(Long.class)
			.single() > 0;
	}

	private Map<String, Object> counts(LocalDate day, String outcome) {
		return this.jdbc.sql("""
				SELECT calls, answered, ring_seconds, talk_seconds, queued, queue_seconds FROM telephony_call_day
				WHERE day = ? AND direction = 'INBOUND' AND leg = 'CALLER' AND outcome = ? AND topic_code = 'RETIREMENT'
				  AND departement_code = ''""").params(day, outcome).query().singleRow();
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

}
