package fr.passerelle.ticket;

import java.time.Instant;

/**
 * A ticket waits for a volunteer, with what routing needs to match it. Carries no
 * personal data (events are stored by the publication registry). A practice request is
 * offered only to volunteers practising.
 */
public record TicketQueued(long ticketId, TicketKind kind, String topicCode, String departementCode, String regionCode,
		String language, int priority, Instant waitingSince, boolean practice) {
}
