package fr.passerelle.routing;

import java.time.Instant;

import fr.passerelle.ticket.TicketKind;

/**
 * A ticket in the routing index.
 */
record Entry(long ticketId, TicketKind kind, String topicCode, String departementCode, String regionCode,
		String language, int priority, Instant waitingSince, State state, Long volunteerId, Instant offerExpiresAt) {

	enum State {

		WAITING, OFFERED, HELD

	}

}
