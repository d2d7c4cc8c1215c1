package fr.passerelle.telephony;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The calls of the hotline, by Twilio's {@code CallSid}.
 */
@Repository
class CallStore {

	private final JdbcClient jdbc;

	CallStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records an inbound call the first time Twilio announces it; again, changes nothing.
	 */
	void inbound(String callSid, Instant startedAt) {
		this.jdbc.sql("INSERT IGNORE INTO telephony_call (call_sid, direction, started_at) VALUES (?, 'INBOUND', ?)")
			.params(callSid, Timestamp.from(startedAt))
			.update();
	}

	/**
	 * Locks a recorded call and tells which request it led to, if any yet.
	 */
	Optional<Long> lockTicketOf(String callSid) {
		return this.jdbc.sql("SELECT ticket_id FROM telephony_call WHERE call_sid = ? FOR UPDATE")
			.param(callSid)
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, Long.class)))
			.single();
	}

	/**
	 * Applies a status callback, unless the call already went further (a late or repeated
	 * delivery changes nothing, nor does one for a call never recorded); when the call
	 * ends, its outcome is set.
	 */
	void recordStatus(String callSid, CallStatus status, Integer sequence, Integer durationSeconds, Instant now) {
		this.jdbc
			.sql("""
					UPDATE telephony_call SET status = ?, status_rank = ?, status_sequence = ?,
					    ended_at = IF(? = 3, ?, ended_at),
					    duration_seconds = IF(? = 3, ?, duration_seconds),
					    outcome = IF(? = 3,
					        CASE WHEN ticket_id IS NOT NULL THEN 'CALLBACK_REQUESTED'
					             WHEN ? THEN 'FAILED'
					             WHEN COALESCE(?, 0) < ? THEN 'SHORT_ABANDON'
					             ELSE 'LEFT_IN_MENU' END,
					        outcome)
					WHERE call_sid = ?
					  AND (status_rank < ? OR (status_rank = ? AND ? < 3 AND COALESCE(status_sequence, -1) < COALESCE(?, -1)))""")
			.params(status.twilioName(), status.rank(), sequence, status.rank(), Timestamp.from(now), status.rank(),
					durationSeconds, status.rank(), status.failed(), durationSeconds,
					CallStatus.SHORT_ABANDON.toSeconds(), callSid, status.rank(), status.rank(), status.rank(),
					sequence)
			.update();
	}

	void attach(String callSid, String topicCode, String postcode, long ticketId) {
		this.jdbc.sql("UPDATE telephony_call SET topic_code = ?, postcode = ?, ticket_id = ? WHERE call_sid = ?")
			.params(topicCode, postcode, ticketId, callSid)
			.update();
	}

}
