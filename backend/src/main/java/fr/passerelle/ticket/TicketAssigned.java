package fr.passerelle.ticket;

/**
 * A volunteer now handles the ticket. Carries no personal data (events are stored by the
 * publication registry).
 */
public record TicketAssigned(long ticketId, long volunteerId) {
}
