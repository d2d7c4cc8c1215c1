package fr.passerelle.telephony;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
	 * Which request a recorded call led to, if any yet (without a lock).
	 */
	Optional<Long> ticketOf(String callSid) {
		return this.jdbc.sql("SELECT ticket_id FROM telephony_call WHERE call_sid = ?")
			.param(callSid)
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, Long.class)))
			.optional()
			.flatMap((ticket) -> ticket);
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
	boolean recordStatus(String callSid, CallStatus status, Integer sequence, Integer durationSeconds, Instant now) {
		return this.jdbc
			.sql("""
					UPDATE telephony_call SET status = :status, status_rank = :rank, status_sequence = :sequence,
					    answered_at = IF(:rank = 2 AND answered_at IS NULL, :now, answered_at),
					    ended_at = IF(:rank = 3, :now, ended_at),
					    duration_seconds = IF(:rank = 3, :duration, duration_seconds),
					    outcome = IF(:rank = 3,
					        CASE WHEN leg <> 'CALLER' THEN
					                 CASE :status WHEN 'completed' THEN 'ANSWERED' WHEN 'busy' THEN 'BUSY'
					                     WHEN 'no-answer' THEN 'NO_ANSWER' WHEN 'canceled' THEN 'CANCELED' ELSE 'FAILED' END
					             WHEN outcome IS NOT NULL THEN outcome
					            WHEN queued_at IS NOT NULL THEN 'ABANDONED'
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
			.update() == 1;
	}

	/**
	 * A caller's call that ended, as the meters count it: its outcome, whether it waited
	 * in the queue, and whether it was a practice call (never counted). Empty for a call
	 * the platform placed.
	 */
	Optional<EndedCall> endedCaller(String callSid) {
		return this.jdbc.sql("""
				SELECT c.outcome, c.queued_at IS NOT NULL,
				       EXISTS (SELECT 1 FROM telephony_practice_call p WHERE p.call_sid = c.call_sid)
				FROM telephony_call c WHERE c.call_sid = ? AND c.leg = 'CALLER' AND c.ended_at IS NOT NULL""")
			.param(callSid)
			.query((rs, row) -> new EndedCall(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)))
			.optional();
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

	/**
	 * The caller joined the queue to wait for a volunteer; again, changes nothing.
	 */
	void queued(String callSid, Instant at) {
		this.jdbc.sql("UPDATE telephony_call SET queued_at = COALESCE(queued_at, ?) WHERE call_sid = ?")
			.params(Timestamp.from(at), callSid)
			.update();
	}

	/** Twilio told which of its queues the caller waits in. */
	void waitsIn(String callSid, String queueSid) {
		this.jdbc.sql("UPDATE telephony_call SET queue_sid = ? WHERE call_sid = ? AND queue_sid IS NULL")
			.params(queueSid, callSid)
			.update();
	}

	/**
	 * The caller left the queue (put through, called back instead, hung up): the first
	 * time, the time and what happened are kept.
	 */
	void leftQueue(String callSid, Instant at, String outcome) {
		this.jdbc.sql("""
				UPDATE telephony_call SET dequeued_at = ?, outcome = ?
				WHERE call_sid = ? AND queued_at IS NOT NULL AND dequeued_at IS NULL""")
			.params(Timestamp.from(at), outcome, callSid)
			.update();
	}

	/** How long the caller has waited in the queue, if they did. */
	Optional<Duration> queueTime(String callSid, Instant now) {
		return this.jdbc.sql("SELECT queued_at FROM telephony_call WHERE call_sid = ? AND queued_at IS NOT NULL")
			.param(callSid)
			.query((rs, row) -> Duration.between(rs.getTimestamp(1).toInstant(), now))
			.optional();
	}

	/**
	 * The caller waiting in a queue for this request: their call and Twilio's queue.
	 */
	Optional<Waiting> waitingFor(long ticketId) {
		return this.jdbc.sql("""
				SELECT call_sid, queue_sid FROM telephony_call
				WHERE ticket_id = ? AND leg = 'CALLER' AND queue_sid IS NOT NULL AND dequeued_at IS NULL
				ORDER BY started_at DESC LIMIT 1""")
			.param(ticketId)
			.query((rs, row) -> new Waiting(rs.getString(1), rs.getString(2)))
			.optional();
	}

	/**
	 * Records that the volunteer's phone is to ring for this request; false when it was
	 * already (the offer delivered again).
	 */
	boolean firstRing(long ticketId, long volunteerId) {
		return this.jdbc.sql("INSERT IGNORE INTO telephony_offer_ring (ticket_id, volunteer_id) VALUES (?, ?)")
			.params(ticketId, volunteerId)
			.update() == 1;
	}

	/** The calls ringing volunteers for this request that nobody answered yet. */
	List<String> ringingFor(long ticketId) {
		return this.jdbc.sql("""
				SELECT r.call_sid FROM telephony_offer_ring r JOIN telephony_call c ON c.call_sid = r.call_sid
				WHERE r.ticket_id = ? AND c.ended_at IS NULL AND c.answered_at IS NULL""")
			.param(ticketId)
			.query(String.class)
			.list();
	}

	/** The call that rang the volunteer for this request, if any. */
	Optional<String> ringOf(long ticketId, long volunteerId) {
		return this.jdbc.sql(
				"SELECT call_sid FROM telephony_offer_ring WHERE ticket_id = ? AND volunteer_id = ? AND call_sid IS NOT NULL")
			.params(ticketId, volunteerId)
			.query(String.class)
			.optional();
	}

	/** The volunteer pressed 1 on the call that rang them: they are on the line. */
	void acceptedOnPhone(long ticketId, long volunteerId) {
		this.jdbc.sql("UPDATE telephony_offer_ring SET accepted = TRUE WHERE ticket_id = ? AND volunteer_id = ?")
			.params(ticketId, volunteerId)
			.update();
	}

	boolean wasAcceptedOnPhone(long ticketId, long volunteerId) {
		return this.jdbc.sql("SELECT accepted FROM telephony_offer_ring WHERE ticket_id = ? AND volunteer_id = ?")
			.params(ticketId, volunteerId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	void rang(long ticketId, long volunteerId, String callSid) {
		this.jdbc.sql("UPDATE telephony_offer_ring SET call_sid = ? WHERE ticket_id = ? AND volunteer_id = ?")
			.params(callSid, ticketId, volunteerId)
			.update();
	}

	/**
	 * The call led to a request; {@code route} says whether the caller waited on the
	 * line, or why not ({@code null} when unknown, as in the fallback).
	 */
	void attach(String callSid, String topicCode, String postcode, long ticketId, LiveCalls.Route route) {
		this.jdbc
			.sql("UPDATE telephony_call SET topic_code = ?, postcode = ?, ticket_id = ?, route = ? WHERE call_sid = ?")
			.params(topicCode, postcode, ticketId, (route != null) ? route.name() : null, callSid)
			.update();
	}

	/** A caller's call that ended. */
	record EndedCall(String outcome, boolean queued, boolean practice) {
	}

	/** A caller in one of Twilio's queues. */
	record Waiting(String callSid, String queueSid) {
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
