package fr.passerelle.ticket;

import java.util.Set;

import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RateLimits;
import fr.passerelle.platform.RateLimits.Limit;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.privacy.PhoneVault;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A staff member opens a new request for the citizen of a request they hold (another
 * démarche to come back to). The number is that request's: nobody types a number, so
 * nobody can look a person up by their number, or have the hotline text strangers. Each
 * account and each number may open a few a day.
 */
@Component
class FollowUps {

	static final Limit PER_ACCOUNT = new Limit(10, 30);

	static final Limit PER_NUMBER = new Limit(3, 5);

	private final TicketManagement tickets;

	private final TicketQueries ticketQueries;

	private final RateLimits limits;

	private final PhoneVault vault;

	private final TicketStore store;

	private final TicketHistory history;

	FollowUps(TicketManagement tickets, TicketQueries ticketQueries, RateLimits limits, PhoneVault vault,
			TicketStore store, TicketHistory history) {
		this.tickets = tickets;
		this.ticketQueries = ticketQueries;
		this.store = store;
		this.history = history;
		this.limits = limits;
		this.vault = vault;
	}

	/**
	 * @throws RejectedRequest (404) unless the staff member holds {@code heldTicketId}
	 * now, (409) when its number was erased, (429) past a limit
	 */
	TicketView open(long heldTicketId, StaffAccount staff, String topicCode, String postcode, String firstName,
			Set<TimeSlot> slots) {
		TicketView held = this.ticketQueries.read(heldTicketId, staff);
		if (!held.isHeldBy(staff.id())) {
			throw TicketManagement.notFound();
		}
		PhoneNumber phone = this.ticketQueries.phoneToDial(heldTicketId)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.CONFLICT, "ticket.follow-up.no-phone"));
		this.limits.require("ticket-follow-up-account", String.valueOf(staff.id()), PER_ACCOUNT);
		this.limits.require("ticket-follow-up-number", this.vault.lookupHash(phone), PER_NUMBER);
		TicketView opened = this.tickets.open(new HelpRequest(TicketSource.VOLUNTEER, TicketKind.CALLBACK, topicCode,
				(postcode != null && !postcode.isBlank()) ? postcode : held.postcode(), phone.e164(),
				(firstName != null) ? firstName : held.firstName(), (slots != null) ? slots : Set.of(), staff.id(),
				this.store.isPractice(heldTicketId)));
		// the same request opened again within 30 minutes is the one already open: only
		// its author sees it whole
		return this.history.latestEventBy(opened.id(), staff.id(), "CREATED") ? opened : opened.withoutPersonalData();
	}

}
