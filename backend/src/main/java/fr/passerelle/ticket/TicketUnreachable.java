package fr.passerelle.ticket;

/**
 * Every callback attempt failed: the telephony module tells the citizen by SMS how to
 * reach us. Carries no personal data (events are stored by the publication registry).
 */
public record TicketUnreachable(long ticketId, TicketReference reference) {
}
