package fr.passerelle.telephony;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.volunteer.Onboarding;
import fr.passerelle.volunteer.Volunteers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Calls placed from staff members' training phones: one that went through the whole menu
 * (the caller asked for a callback or waited for a volunteer) counts as one of their
 * practice calls, which complete a volunteer's training. In simulator mode the training
 * phone is the staff member's simulated phone; with a Twilio account, a volunteer in
 * training calls the real hotline from the phone they registered, recognised by its keyed
 * hash. Nobody answers the practice requests of a real phone (only volunteers practising
 * on a simulated phone may be offered practice requests): they are withdrawn when the
 * call ends, so that none waits in the queue.
 */
@Component
public class PracticeCalls {

	private final JdbcClient jdbc;

	private final Onboarding onboarding;

	private final Clock clock;

	private final Volunteers volunteers;

	private final TicketManagement tickets;

	private final TicketQueries ticketQueries;

	PracticeCalls(JdbcClient jdbc, Onboarding onboarding, Clock clock, Volunteers volunteers, TicketManagement tickets,
			TicketQueries ticketQueries) {
		this.volunteers = volunteers;
		this.tickets = tickets;
		this.ticketQueries = ticketQueries;
		this.jdbc = jdbc;
		this.onboarding = onboarding;
		this.clock = clock;
	}

	public void placed(String callSid, long accountId) {
		this.jdbc.sql("INSERT IGNORE INTO telephony_practice_call (call_sid, account_id, placed_at) VALUES (?, ?, ?)")
			.params(callSid, accountId, Timestamp.from(this.clock.instant()))
			.update();
	}

	/**
	 * A call to the hotline from the phone a volunteer in training registered: a practice
	 * call of theirs.
	 * @return whether it is one
	 */
	boolean recognise(String callSid, String from) {
		PhoneNumber caller;
		try {
			caller = PhoneNumber.parse(from);
		}
		catch (RejectedRequest withheld) {
			return false;
		}
		Optional<Long> trainee = this.volunteers.traineeCallingFrom(caller);
		trainee.ifPresent((accountId) -> placed(callSid, accountId));
		return trainee.isPresent();
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
		record Practice(long accountId, long ticketId) {
		}
		this.jdbc.sql("""
				SELECT p.account_id, c.ticket_id FROM telephony_practice_call p
				JOIN telephony_call c ON c.call_sid = p.call_sid
				WHERE p.call_sid = ? AND c.leg = 'CALLER' AND c.ticket_id IS NOT NULL""")
			.param(callSid)
			.query((rs, row) -> new Practice(rs.getLong(1), rs.getLong(2)))
			.optional()
			.ifPresent((practice) -> {
				this.onboarding.practiceCallCompleted(practice.accountId(), callSid);
				// a volunteer whose registered phone is a real one: nobody practises
				// there
				boolean realPhone = this.volunteers.routingProfile(practice.accountId())
					.map((profile) -> profile.reachableByPhone() && !profile.practising())
					.orElse(false);
				if (realPhone) {
					withdraw(practice.ticketId());
				}
			});
	}

	/** A practice request nobody will answer leaves the queue; one held stays. */
	private void withdraw(long ticketId) {
		this.ticketQueries.find(ticketId)
			.filter((ticket) -> !ticket.status().isClosed() && !ticket.status().isHeld())
			.ifPresent((ticket) -> this.tickets.cancel(ticketId, null, "PRACTICE_CALL"));
	}

}
