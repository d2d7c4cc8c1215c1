package fr.passerelle.ticket;

import java.util.Set;

import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RateLimits;
import fr.passerelle.platform.RateLimits.Limit;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.privacy.PhoneVault;
import fr.passerelle.territory.PostcodeArea;
import fr.passerelle.topic.Topic;

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

	private final HelpRequests requests;

	FollowUps(TicketManagement tickets, TicketQueries ticketQueries, RateLimits limits, PhoneVault vault,
			TicketStore store, TicketHistory history, HelpRequests requests) {
		this.tickets = tickets;
		this.ticketQueries = ticketQueries;
		this.store = store;
		this.history = history;
		this.requests = requests;
		this.limits = limits;
		this.vault = vault;
	}

	/**
	 * @param followUp what the new request is about; where it leaves out the postcode or
	 * the first name, the held request's
	 * @throws RejectedRequest (404) unless the staff member holds {@code heldTicketId}
	 * now, (409) when its number was erased, (429) past a limit
	 */
	TicketView open(long heldTicketId, StaffAccount staff, FollowUp followUp) {
		TicketView held = this.ticketQueries.read(heldTicketId, staff);
		if (!held.isHeldBy(staff.id())) {
			throw TicketManagement.notFound();
		}
		PhoneNumber phone = this.ticketQueries.phoneToDial(heldTicketId)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.CONFLICT, "ticket.follow-up.no-phone"));
		this.limits.require("ticket-follow-up-account", String.valueOf(staff.id()), PER_ACCOUNT);
		this.limits.require("ticket-follow-up-number", this.vault.lookupHash(phone), PER_NUMBER);
		PostcodeArea area = (followUp.area() != null) ? followUp.area() : this.requests.area(held.postcode());
		TicketView opened = this.tickets.open(new HelpRequest(TicketSource.VOLUNTEER, TicketKind.CALLBACK,
				followUp.topic(), area, phone, (followUp.firstName() != null) ? followUp.firstName() : held.firstName(),
				followUp.slots(), staff.id(), this.store.isPractice(heldTicketId)));
		// the same request opened again within 30 minutes is the one already open: only
		// its author sees it whole
		return this.history.latestEventBy(opened.id(), staff.id(), "CREATED") ? opened : opened.withoutPersonalData();
	}

	/**
	 * A follow-up request as the API received it, parsed.
	 *
	 * @param area {@code null} for the held request's
	 * @param firstName {@code null} for the held request's
	 */
	record FollowUp(Topic topic, PostcodeArea area, String firstName, Set<TimeSlot> slots) {
	}

}
