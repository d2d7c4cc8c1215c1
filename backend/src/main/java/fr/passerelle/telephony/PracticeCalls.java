package fr.passerelle.telephony;

import java.sql.Timestamp;
import java.time.Clock;

import fr.passerelle.volunteer.Onboarding;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Calls placed from staff members' training phones: one that went through the whole menu
 * (the caller asked for a callback or waited for a volunteer) counts as one of their
 * practice calls, which complete a volunteer's training.
 */
@Component
class PracticeCalls {

	private final JdbcClient jdbc;

	private final Onboarding onboarding;

	private final Clock clock;

	PracticeCalls(JdbcClient jdbc, Onboarding onboarding, Clock clock) {
		this.jdbc = jdbc;
		this.onboarding = onboarding;
		this.clock = clock;
	}

	void placed(String callSid, long accountId) {
		this.jdbc.sql("INSERT IGNORE INTO telephony_practice_call (call_sid, account_id, placed_at) VALUES (?, ?, ?)")
			.params(callSid, accountId, Timestamp.from(this.clock.instant()))
			.update();
	}

	/** Whether the call was placed from a training phone. */
	boolean isPractice(String callSid) {
		return this.jdbc.sql("SELECT COUNT(*) FROM telephony_practice_call WHERE call_sid = ?")
			.param(callSid)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * A call ended: if it came from a training phone and a request came of it, it is a
	 * practice call of that staff member.
	 */
	void ended(String callSid) {
		this.jdbc.sql("""
				SELECT p.account_id FROM telephony_practice_call p
				JOIN telephony_call c ON c.call_sid = p.call_sid
				WHERE p.call_sid = ? AND c.leg = 'CALLER' AND c.ticket_id IS NOT NULL""")
			.param(callSid)
			.query(Long.class)
			.optional()
			.ifPresent((accountId) -> this.onboarding.practiceCallCompleted(accountId, callSid));
	}

}
