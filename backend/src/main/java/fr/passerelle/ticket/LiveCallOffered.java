package fr.passerelle.ticket;

/**
 * A caller waiting on the line was offered to a volunteer (alongside
 * {@link TicketOffered}): the telephony module rings them. A type of its own, so that
 * listening to it costs nothing for the far more numerous callbacks.
 */
public record LiveCallOffered(long ticketId, long volunteerId) {
}
