package fr.passerelle.routing;

import fr.passerelle.volunteer.Presence;
import fr.passerelle.volunteer.PresenceChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A volunteer who is no longer there keeps no offer: whoever changed their presence (they
 * chose *Hors ligne* or *En pause*, their console closed, their account was cut off), the
 * requests offered to them go back to the queue, in the same transaction as the change.
 */
@Component
class AwayVolunteers {

	private final Routing routing;

	AwayVolunteers(Routing routing) {
		this.routing = routing;
	}

	@EventListener
	void on(PresenceChanged changed) {
		if (changed.status() == Presence.OFFLINE || changed.status() == Presence.PAUSED) {
			this.routing.withdrawOffers(changed.accountId());
		}
	}

}
