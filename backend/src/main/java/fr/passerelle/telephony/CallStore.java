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

	void attach(String callSid, String topicCode, String postcode, long ticketId) {
		this.jdbc.sql("UPDATE telephony_call SET topic_code = ?, postcode = ?, ticket_id = ? WHERE call_sid = ?")
			.params(topicCode, postcode, ticketId, callSid)
			.update();
	}

}
