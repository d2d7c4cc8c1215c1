package fr.passerelle.ticket;

import java.time.Instant;
import java.util.Set;

import fr.passerelle.platform.RejectedRequest;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;

/**
 * A request for help while it is being changed. Every change of state goes through
 * {@link #moveTo}, which refuses what {@link TicketStatus} does not allow.
 */
final class Ticket {

	Long id;

	TicketReference reference;

	TicketSource source;

	TicketKind kind;

	String topicCode;

	String postcode;

	String departementCode;

	String regionCode;

	byte[] phoneCipher;

	String phoneHash;

	String firstName;

	String language = "fr";

	Set<TimeSlot> preferredSlots = Set.of();

	int priority;

	TicketStatus status = TicketStatus.NEW;

	Instant createdAt;

	/**
	 * Made from a training phone: offered only to volunteers practising, counted nowhere.
	 */
	boolean practice;

	Instant waitingSince;

	Instant dueAt;

	Instant nextAttemptAt;

	int attempts;

	Long assigneeId;

	/** The assignee as read from the database, before this change. */
	Long assigneeBefore;

	Instant closedAt;

	Long earlierTicketId;

	long version;

	void moveTo(TicketStatus next, Instant now) {
		if (!this.status.canMoveTo(next)) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "ticket.transition.refused",
					new DefaultMessageSourceResolvable("ticket.status." + this.status),
					new DefaultMessageSourceResolvable("ticket.status." + next));
		}
		this.status = next;
		if (next == TicketStatus.QUEUED) {
			this.assigneeId = null;
			this.nextAttemptAt = null;
		}
		if (next.isClosed()) {
			this.closedAt = now;
			this.nextAttemptAt = null;
		}
	}

	boolean isHeldBy(long volunteerId) {
		return this.status.isHeld() && this.assigneeId != null && this.assigneeId == volunteerId;
	}

	void requireHeldBy(long volunteerId) {
		if (!isHeldBy(volunteerId)) {
			throw TicketManagement.notFound();
		}
	}

	TicketView view(String maskedPhone) {
		return new TicketView(this.id, this.reference, this.source, this.kind, this.topicCode, this.postcode,
				this.departementCode, this.regionCode, maskedPhone, this.firstName, this.preferredSlots, this.priority,
				this.status, this.createdAt, this.waitingSince, this.dueAt, this.nextAttemptAt, this.attempts,
				this.assigneeId, this.closedAt, this.earlierTicketId);
	}

}
