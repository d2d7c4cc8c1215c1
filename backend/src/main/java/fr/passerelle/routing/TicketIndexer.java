package fr.passerelle.routing;

import fr.passerelle.ticket.TicketClosed;
import fr.passerelle.ticket.TicketKindChanged;
import fr.passerelle.ticket.TicketQueued;
import fr.passerelle.ticket.TicketScheduled;
import fr.passerelle.volunteer.RoutingProfileChanged;
import fr.passerelle.volunteer.Volunteers;
import fr.passerelle.volunteer.WrapUps;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the routing index in step with the tickets, in the very transaction that changes
 * them (a plain synchronous listener), so that the index never disagrees with a committed
 * ticket; and routing's cached volunteer profiles in step with the volunteers.
 */
@Component
class TicketIndexer {

	private final RoutingStore store;

	private final Routing routing;

	private final Volunteers volunteers;

	private final WrapUps wrapUps;

	TicketIndexer(RoutingStore store, Routing routing, Volunteers volunteers, WrapUps wrapUps) {
		this.store = store;
		this.routing = routing;
		this.volunteers = volunteers;
		this.wrapUps = wrapUps;
	}

	@EventListener
	void on(TicketQueued queued) {
		this.store.upsertWaiting(queued);
		this.routing.queueChanged();
	}

	@EventListener
	void on(TicketKindChanged changed) {
		this.store.changeKind(changed.ticketId(), changed.kind());
		this.routing.queueChanged();
	}

	@EventListener
	void on(RoutingProfileChanged changed) {
		this.routing.profileChanged(changed.accountId());
	}

	@EventListener
	void on(TicketScheduled scheduled) {
		forget(scheduled.ticketId());
	}

	@EventListener
	void on(TicketClosed closed) {
		forget(closed.ticketId());
	}

	/**
	 * The ticket leaves the queue (closed, or scheduled for later); a volunteer who held
	 * it starts their wrap-up time.
	 */
	private void forget(long ticketId) {
		this.store.lock(ticketId).ifPresent((entry) -> {
			this.store.delete(ticketId);
			if (entry.volunteerId() != null) {
				if (entry.state() == Entry.State.HELD) {
					this.wrapUps.startWrapUp(entry.volunteerId(), this.routing.properties().wrapUp());
				}
				this.routing.freed(entry.volunteerId());
			}
		});
	}

}
