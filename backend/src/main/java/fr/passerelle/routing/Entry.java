package fr.passerelle.routing;

import java.time.Instant;

import fr.passerelle.ticket.TicketKind;

/**
 * A ticket in the routing index; a practice one (from a training phone) goes only to
 * volunteers practising.
 */
record Entry(long ticketId, TicketKind kind, String topicCode, String departementCode, String regionCode,
		String language, int priority, Instant waitingSince, State state, Long volunteerId, Instant offerExpiresAt,
		boolean practice) {

	Entry(long ticketId, TicketKind kind, String topicCode, String departementCode, String regionCode, String language,
			int priority, Instant waitingSince, State state, Long volunteerId, Instant offerExpiresAt) {
		this(ticketId, kind, topicCode, departementCode, regionCode, language, priority, waitingSince, state,
				volunteerId, offerExpiresAt, false);
	}

	enum State {

		WAITING, OFFERED, HELD

	}

}
