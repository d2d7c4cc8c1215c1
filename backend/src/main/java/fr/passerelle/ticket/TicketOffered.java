package fr.passerelle.ticket;

import java.time.Instant;

/**
 * A ticket is reserved for one volunteer until {@code expiresAt}: their console rings.
 * Carries no personal data (events are stored by the publication registry).
 */
public record TicketOffered(long ticketId, long volunteerId, Instant expiresAt) {
}
