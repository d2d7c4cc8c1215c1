package fr.passerelle.ticket;

import java.time.Instant;
import java.util.Set;

/**
 * A request for help as other modules and the staff see it: never the full phone number,
 * only its masked form.
 */
public record TicketView(long id, TicketReference reference, TicketSource source, TicketKind kind, String topicCode,
		String postcode, String departementCode, String regionCode, String maskedPhone, String firstName,
		Set<TimeSlot> preferredSlots, int priority, TicketStatus status, Instant createdAt, Instant waitingSince,
		Instant dueAt, Instant nextAttemptAt, int attempts, Long assigneeId, Instant closedAt, Long earlierTicketId) {

	/**
	 * Whether this volunteer holds the request (assigned to them, or on the phone for
	 * it).
	 */
	public boolean isHeldBy(long volunteerId) {
		return this.status.isHeld() && Long.valueOf(volunteerId).equals(this.assigneeId);
	}

	/**
	 * The request without what identifies the citizen (masked number, first name, chosen
	 * times): what a volunteer sees of an offer, or of a request no longer in their
	 * hands.
	 */
	public TicketView withoutPersonalData() {
		return new TicketView(this.id, this.reference, this.source, this.kind, this.topicCode, this.postcode,
				this.departementCode, this.regionCode, null, null, Set.of(), this.priority, this.status, this.createdAt,
				this.waitingSince, this.dueAt, this.nextAttemptAt, this.attempts, this.assigneeId, this.closedAt,
				this.earlierTicketId);
	}

}
