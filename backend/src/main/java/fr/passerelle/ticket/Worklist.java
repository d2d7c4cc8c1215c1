package fr.passerelle.ticket;

import java.time.Clock;
import java.time.Instant;

import fr.passerelle.platform.RejectedRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What coordinators do from the worklist to the requests waiting in their scope:
 * prioritise one, reschedule a callback, give one to a named volunteer. The caller has
 * checked the coordinator's link to the request ({@link TicketQueries#read}); each action
 * goes on the request's timeline under the coordinator's name, and doing it again changes
 * nothing.
 */
@Service
public class Worklist {

	/** The priority a coordinator gives: ahead of repeat callers, behind nothing. */
	static final int PRIORITISED = 9;

	private final TicketChanges changes;

	private final TicketQueries queries;

	private final Clock clock;

	Worklist(TicketChanges changes, TicketQueries queries, Clock clock) {
		this.changes = changes;
		this.queries = queries;
		this.clock = clock;
	}

	/**
	 * Moves a request ahead of the others of its kind: at once when it waits in the
	 * queue, when it comes back to the queue otherwise.
	 * @throws RejectedRequest (409) for a request closed
	 */
	@Transactional
	public TicketView prioritise(long ticketId, long coordinatorId) {
		Ticket ticket = this.changes.locked(ticketId);
		if (ticket.status.isClosed()) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "ticket.worklist.closed");
		}
		if (ticket.priority >= PRIORITISED) {
			return this.queries.view(ticket);
		}
		ticket.prioritise(PRIORITISED, coordinatorId, this.clock.instant());
		this.changes.save(ticket);
		return this.queries.view(ticket);
	}

	/**
	 * Plans a callback waiting or planned for another time (agreed with the citizen, or
	 * when a volunteer who speaks their language is there).
	 * @throws RejectedRequest (400) for a time past or more than 30 days away; (409) for
	 * a live call, or a request offered or held (its volunteer reschedules it)
	 */
	@Transactional
	public TicketView reschedule(long ticketId, long coordinatorId, Instant at) {
		Ticket ticket = this.changes.locked(ticketId);
		Instant now = this.clock.instant();
		if (ticket.status == TicketStatus.SCHEDULED && at != null && at.equals(ticket.nextAttemptAt)) {
			return this.queries.view(ticket);
		}
		if (ticket.kind == TicketKind.LIVE_CALL) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "ticket.worklist.live-call");
		}
		if (ticket.status != TicketStatus.QUEUED && ticket.status != TicketStatus.SCHEDULED) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "ticket.worklist.not-waiting");
		}
		if (at == null || !at.isAfter(now) || at.isAfter(now.plus(TicketManagement.LONGEST_POSTPONEMENT))) {
			throw RejectedRequest.field("at", "ticket.retry.invalid-time",
					TicketManagement.LONGEST_POSTPONEMENT.toDays());
		}
		if (ticket.status == TicketStatus.SCHEDULED) {
			ticket.reschedule(at, coordinatorId, now);
		}
		else {
			ticket.schedule(at, coordinatorId, "RESCHEDULED", at.toString(), now);
		}
		this.changes.save(ticket);
		return this.queries.view(ticket);
	}

	/**
	 * Gives a callback request waiting, or planned for later, to a volunteer, or to the
	 * coordinator themselves, who holds it from now on (routing checks the volunteer and
	 * their room first). A caller on the line is not given: routing offers them to the
	 * volunteers available, whose phone rings at once.
	 * @throws RejectedRequest (409) for a live call, or a request offered, held or closed
	 */
	@Transactional
	public TicketView assign(long ticketId, long coordinatorId, long volunteerId) {
		Ticket ticket = this.changes.locked(ticketId);
		if (ticket.status.isHeld() && Long.valueOf(volunteerId).equals(ticket.assigneeId)) {
			return this.queries.view(ticket);
		}
		if (ticket.kind == TicketKind.LIVE_CALL) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "ticket.worklist.live-call-assign");
		}
		if (ticket.status != TicketStatus.QUEUED && ticket.status != TicketStatus.SCHEDULED) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "ticket.worklist.not-waiting");
		}
		Instant now = this.clock.instant();
		if (ticket.status == TicketStatus.SCHEDULED) {
			// back in the queue first, so that routing indexes it, then given
			ticket.queue(now, coordinatorId);
			this.changes.save(ticket);
		}
		ticket.givenTo(volunteerId, coordinatorId, now);
		this.changes.save(ticket);
		return this.queries.view(ticket);
	}

}
