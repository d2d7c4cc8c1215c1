package fr.passerelle.routing;

import fr.passerelle.account.AccountCutOff;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.volunteer.Presence;
import fr.passerelle.volunteer.Volunteers;
import fr.passerelle.volunteer.VolunteerPresence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Someone deactivated, or whose role changed, keeps nothing routing gave them: they go
 * offline, the offers made to them are withdrawn, and the requests they held go back to
 * the queue in their place. Each step commits on its own, so that one request that cannot
 * go back (a call in progress) does not keep the others.
 */
@Component
class AccountCutOffs {

	private static final Logger logger = LoggerFactory.getLogger(AccountCutOffs.class);

	private final Routing routing;

	private final TicketQueries tickets;

	private final Volunteers volunteers;

	private final VolunteerPresence volunteerPresence;

	AccountCutOffs(Routing routing, TicketQueries tickets, Volunteers volunteers, VolunteerPresence volunteerPresence) {
		this.routing = routing;
		this.tickets = tickets;
		this.volunteers = volunteers;
		this.volunteerPresence = volunteerPresence;
	}

	@EventListener
	void on(AccountCutOff cutOff) {
		long accountId = cutOff.accountId();
		if (this.volunteers.find(accountId).isPresent()) {
			// offline: the offers made to them go back to the queue (AwayVolunteers)
			this.volunteerPresence.choosePresence(accountId, Presence.OFFLINE);
		}
		for (TicketView held : this.tickets.heldBy(accountId)) {
			try {
				this.routing.release(held.id(), accountId);
			}
			catch (RejectedRequest ex) {
				logger.warn("Request {} stays with account {}, cut off: {}", held.id(), accountId, ex.messageCode());
			}
		}
	}

}
