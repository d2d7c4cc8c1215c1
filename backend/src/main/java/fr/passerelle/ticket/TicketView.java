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

}
