package fr.passerelle.ticket;

/**
 * A ticket closed with an outcome: resolved or redirected. Carries no personal data
 * (events are stored by the publication registry).
 */
public record TicketResolved(long ticketId, TicketStatus status, Long volunteerId) {
}
