package fr.passerelle.ticket;

/**
 * A caller waiting on the line was given to a volunteer (alongside
 * {@link TicketAssigned}): the telephony module puts them through. A type of its own, so
 * that listening to it costs nothing for the far more numerous callbacks.
 */
public record LiveCallAssigned(long ticketId, long volunteerId) {
}
