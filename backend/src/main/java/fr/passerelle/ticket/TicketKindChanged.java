package fr.passerelle.ticket;

/**
 * A caller waiting on the line asked to be called back instead: the request keeps its
 * place, as a callback.
 */
public record TicketKindChanged(long ticketId, TicketKind kind) {
}
