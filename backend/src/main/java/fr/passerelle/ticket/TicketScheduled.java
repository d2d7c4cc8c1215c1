package fr.passerelle.ticket;

import java.time.Instant;

/**
 * A ticket waits for a later callback at {@code nextAttemptAt}; {@code volunteerId} held
 * it until now, if anyone did. Carries no personal data (events are stored by the
 * publication registry).
 */
public record TicketScheduled(long ticketId, Instant nextAttemptAt, Long volunteerId) {
}
