package fr.passerelle.ticket;

/**
 * A ticket reached a final state, whichever: routing forgets it and frees its volunteer.
 * Carries no personal data (events are stored by the publication registry).
 */
public record TicketClosed(long ticketId, TicketStatus status, Long volunteerId) {
}
