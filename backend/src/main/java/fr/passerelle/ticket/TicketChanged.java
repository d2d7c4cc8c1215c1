package fr.passerelle.ticket;

/**
 * Any change of a ticket's state or holder, for screens that follow tickets as they move
 * (the consoles). Not meant for module listeners that the publication registry records:
 * it is published on every claim.
 *
 * @param assigneeId the volunteer it is offered to or held by now, if any
 * @param assigneeBefore the volunteer it was offered to or held by before, if any
 */
public record TicketChanged(long ticketId, TicketStatus status, Long assigneeId, Long assigneeBefore) {
}
