package fr.passerelle.ticket;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Where a request being changed is read and written: locked for the change, then saved
 * with the timeline entries its transitions wrote and the events they raised (published
 * after the transaction, to the other modules' listeners).
 */
@Component
class TicketChanges {

	private final TicketStore store;

	private final TicketHistory history;

	private final ApplicationEventPublisher events;

	TicketChanges(TicketStore store, TicketHistory history, ApplicationEventPublisher events) {
		this.store = store;
		this.history = history;
		this.events = events;
	}

	/**
	 * The request, its row locked until the end of the transaction.
	 * @throws fr.passerelle.platform.RejectedRequest (404) when there is none
	 */
	Ticket locked(long ticketId) {
		return this.store.lock(ticketId).orElseThrow(TicketManagement::notFound);
	}

	/**
	 * Saves a changed request, then writes the timeline entries of its change and
	 * publishes the events it raised.
	 */
	void save(Ticket ticket) {
		this.store.update(ticket);
		this.events.publishEvent(new TicketChanged(ticket.id, ticket.status, ticket.assigneeId, ticket.assigneeBefore));
		ticket.assigneeBefore = ticket.assigneeId;
		for (Ticket.Entry entry : ticket.takeEntries()) {
			this.history.appendEvent(ticket.id, entry.at(), entry.actorId(), entry.type(), entry.detail());
		}
		ticket.takeRaised().forEach(this.events::publishEvent);
	}

}
