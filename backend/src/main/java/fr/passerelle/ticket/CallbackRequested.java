package fr.passerelle.ticket;

/**
 * A citizen asked to be called back (web form, or a caller who pressed 1 or reached us
 * while closed): the telephony module confirms by SMS. Carries no personal data (events
 * are stored by the publication registry).
 */
public record CallbackRequested(long ticketId, TicketReference reference, String topicCode, TicketSource source) {
}
