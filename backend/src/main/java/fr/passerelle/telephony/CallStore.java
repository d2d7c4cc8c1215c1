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
	 * Records a call the platform placed to a volunteer's phone.
	 */
	void placed(String callSid, Leg leg, long ticketId, long volunteerId, Instant startedAt) {
		this.jdbc.sql("""
				INSERT IGNORE INTO telephony_call (call_sid, direction, leg, ticket_id, volunteer_id, started_at)
				VALUES (?, 'OUTBOUND', ?, ?, ?, ?)""")
			.params(callSid, leg.name(), ticketId, volunteerId, Timestamp.from(startedAt))
			.update();
	}

	/**
	 * Records a leg dialled from a recorded call the first time Twilio reports it, with
	 * that call's request and volunteer; again, or from a call never recorded, changes
	 * nothing.
	 */
	void dialled(String callSid, String parentCallSid, Leg leg, Instant startedAt) {
		this.jdbc
			.sql("""
					INSERT IGNORE INTO telephony_call
					    (call_sid, direction, leg, parent_call_sid, ticket_id, volunteer_id, topic_code, postcode, started_at)
					SELECT ?, 'OUTBOUND', ?, call_sid, ticket_id, volunteer_id, topic_code, postcode, ?
					FROM telephony_call WHERE call_sid = ?""")
			.params(callSid, leg.name(), Timestamp.from(startedAt), parentCallSid)
			.update();
	}

	/**
	 * Whether a recorded call, started after {@code since}, has not ended yet (as far as
	 * Twilio told).
	 */
	boolean underWay(String callSid, Instant since) {
		return this.jdbc.sql("SELECT ended_at IS NULL AND started_at > ? FROM telephony_call WHERE call_sid = ?")
			.params(Timestamp.from(since), callSid)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * Applies a status callback, unless the call already went further (a late or repeated
	 * delivery changes nothing, nor does one for a call never recorded). When the call is
	 * answered, the time is kept; when it ends, its outcome is set: for a call the
	 * platform placed, whether it was answered; for a caller, whether they asked for a
	 * callback, hung up at once, or left in the menu.
	 */
	void recordStatus(String callSid, CallStatus status, Integer sequence, Integer durationSeconds, Instant now) {
		this.jdbc
			.sql("""
					UPDATE telephony_call SET status = :status, status_rank = :rank, status_sequence = :sequence,
					    answered_at = IF(:rank = 2 AND answered_at IS NULL, :now, answered_at),
					    ended_at = IF(:rank = 3, :now, ended_at),
					    duration_seconds = IF(:rank = 3, :duration, duration_seconds),
					    outcome = IF(:rank = 3,
					        CASE WHEN leg <> 'CALLER' THEN
					                 CASE :status WHEN 'completed' THEN 'ANSWERED' WHEN 'busy' THEN 'BUSY'
					                     WHEN 'no-answer' THEN 'NO_ANSWER' WHEN 'canceled' THEN 'CANCELED' ELSE 'FAILED' END
					             WHEN ticket_id IS NOT NULL THEN 'CALLBACK_REQUESTED'
					             WHEN :failed THEN 'FAILED'
					             WHEN COALESCE(:duration, 0) < :short THEN 'SHORT_ABANDON'
					             ELSE 'LEFT_IN_MENU' END,
					        outcome)
					WHERE call_sid = :sid
					  AND (status_rank < :rank
					       OR (status_rank = :rank AND :rank < 3 AND COALESCE(status_sequence, -1) < COALESCE(:sequence, -1)))""")
			.param("status", status.twilioName())
			.param("rank", status.rank())
			.param("sequence", sequence)
			.param("now", Timestamp.from(now))
			.param("duration", durationSeconds)
			.param("failed", status.failed())
			.param("short", CallStatus.SHORT_ABANDON.toSeconds())
			.param("sid", callSid)
			.update();
	}

	/**
	 * Locks the line used to call a ticket's citizen back (created on first use) and
	 * tells the last call placed on it, if any.
	 */
	Optional<String> lockCallbackLine(long ticketId) {
		this.jdbc.sql("INSERT IGNORE INTO telephony_callback_line (ticket_id) VALUES (?)").param(ticketId).update();
		return this.jdbc.sql("SELECT call_sid FROM telephony_callback_line WHERE ticket_id = ? FOR UPDATE")
			.param(ticketId)
			.query((rs, row) -> Optional.ofNullable(rs.getString(1)))
			.single();
	}

	void useCallbackLine(long ticketId, String callSid) {
		this.jdbc.sql("UPDATE telephony_callback_line SET call_sid = ? WHERE ticket_id = ?")
			.params(callSid, ticketId)
			.update();
	}

	void attach(String callSid, String topicCode, String postcode, long ticketId) {
		this.jdbc.sql("UPDATE telephony_call SET topic_code = ?, postcode = ?, ticket_id = ? WHERE call_sid = ?")
			.params(topicCode, postcode, ticketId, callSid)
			.update();
	}

	/**
	 * Whose phone a call reaches.
	 */
	enum Leg {

		/** A citizen who called the hotline. */
		CALLER,
		/** A volunteer, called by the platform. */
		VOLUNTEER,
		/** A citizen, called back from a volunteer's call. */
		CITIZEN

	}

}
