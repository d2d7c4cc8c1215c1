package fr.passerelle.ticket;

/**
 * An offer was declined or expired, or a volunteer released the ticket: it waits again.
 * Carries no personal data (events are stored by the publication registry).
 */
public record TicketReturnedToQueue(long ticketId, Long volunteerId, String reason) {
}
