package fr.passerelle.routing;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.Worklist;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.volunteer.Colleague;
import fr.passerelle.volunteer.Presence;
import fr.passerelle.volunteer.PresenceState;
import fr.passerelle.volunteer.RoutingProfile;
import fr.passerelle.volunteer.Volunteers;
import fr.passerelle.volunteer.VolunteerPresence;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handing a request over to a named colleague or a coordinator (DESIGN.md §1), who then
 * holds it: the note says why. A colleague must be qualified, help with the theme, not be
 * offline and have room for one more request; a coordinator must cover the request's
 * région. Locks follow routing's order: presences (by account id), then the routing
 * entry, then the ticket.
 */
@Service
public class Handovers {

	/** How many colleagues are proposed at most, the nearest first. */
	static final int MAX_COLLEAGUES = 30;

	private final RoutingStore store;

	private final Routing routing;

	private final TicketManagement tickets;

	private final TicketQueries ticketQueries;

	private final Volunteers volunteers;

	private final VolunteerPresence volunteerPresence;

	private final AccountManagement accounts;

	private final Worklist worklist;

	Handovers(RoutingStore store, Routing routing, TicketManagement tickets, TicketQueries ticketQueries,
			Volunteers volunteers, VolunteerPresence volunteerPresence, AccountManagement accounts, Worklist worklist) {
		this.worklist = worklist;
		this.store = store;
		this.routing = routing;
		this.tickets = tickets;
		this.ticketQueries = ticketQueries;
		this.volunteers = volunteers;
		this.volunteerPresence = volunteerPresence;
		this.accounts = accounts;
	}

	/**
	 * Whom the holder of a request may hand it over to: colleagues of the same
	 * département first, then of the same région, then the others (available ones first
	 * in each), and the coordinators who cover it.
	 * @throws RejectedRequest when the staff member does not hold the request
	 */
	@Transactional(readOnly = true)
	public Candidates candidates(long ticketId, StaffAccount giver) {
		TicketView ticket = heldBy(ticketId, giver);
		List<Candidate> nearest = nearestColleagues(ticket, giver.id(), null);
		List<Candidate> coordinators = this.accounts.coordinatorsFor(ticket.regionCode())
			.stream()
			.filter((coordinator) -> coordinator.id() != giver.id())
			.map((coordinator) -> new Candidate(coordinator.id(), coordinator.displayName(), Role.COORDINATOR, null,
					null, coordinator.isNational() ? 3 : 1))
			.toList();
		return new Candidates(nearest, coordinators);
	}

	/**
	 * Hands a request over: the recipient holds it from now on and the giver is free of
	 * it (it will not be offered to them again). Handing it over again to the same person
	 * changes nothing.
	 * @throws RejectedRequest when the giver does not hold it or is on the phone with the
	 * citizen, or the recipient cannot take it
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public TicketView handOver(long ticketId, StaffAccount giver, long recipientId, String note) {
		TicketView ticket = this.ticketQueries.find(ticketId)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.NOT_FOUND, "ticket.not-found"));
		if (!ticket.isHeldBy(giver.id()) && !ticket.isHeldBy(recipientId)) {
			// the link first: nobody else learns the request's région or topic from
			// the checks on the recipient
			heldBy(ticketId, giver);
		}
		StaffAccount recipient = this.accounts.findEnabled(recipientId)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.NOT_FOUND, "ticket.handover.recipient-unknown"));
		if (recipient.id() == giver.id()) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "ticket.handover.self");
		}
		String type = switch (recipient.role()) {
			case VOLUNTEER -> "HANDED_TO_COLLEAGUE";
			case COORDINATOR -> {
				if (!recipient.isNational() && !recipient.regionCode().equals(ticket.regionCode())) {
					throw new RejectedRequest(HttpStatus.CONFLICT, "ticket.handover.outside-region");
				}
				yield "HANDED_TO_COORDINATOR";
			}
			default -> throw new RejectedRequest(HttpStatus.CONFLICT, "ticket.handover.recipient-unknown");
		};
		if (ticket.isHeldBy(recipientId)) {
			// a retry: the ticket's own rule tells a repeat from someone else's request
			return this.tickets.handOver(ticketId, giver.id(), recipientId, type);
		}
		Optional<PresenceState> recipientPresence = lockPresences(giver.id(), recipientId);
		RoutingProfile profile = null;
		if (recipient.role() == Role.VOLUNTEER) {
			profile = this.volunteers.routingProfile(recipientId)
				.filter(RoutingProfile::qualified)
				.filter((p) -> p.skills().contains(ticket.topicCode()))
				.orElseThrow(() -> new RejectedRequest(HttpStatus.CONFLICT, "ticket.handover.not-qualified"));
			if (recipientPresence.isEmpty() || recipientPresence.get().status() == Presence.OFFLINE) {
				throw new RejectedRequest(HttpStatus.CONFLICT, "ticket.handover.offline");
			}
			if (this.store.load(recipientId) >= profile.capacity()) {
				throw new RejectedRequest(HttpStatus.CONFLICT, "ticket.handover.at-capacity");
			}
		}
		boolean indexed = this.store.lock(ticketId).isPresent();
		TicketView handed = this.tickets.handOver(ticketId, giver.id(), recipientId, type);
		this.tickets.addNote(ticketId, giver.id(), note);
		if (indexed) {
			this.store.markHeld(ticketId, recipientId);
			this.store.skip(ticketId, giver.id());
		}
		if (profile != null) {
			this.volunteerPresence.requestGiven(recipientPresence.get(), this.store.load(recipientId),
					profile.capacity());
		}
		this.routing.freed(giver.id());
		return handed;
	}

	/**
	 * The volunteers who may take a request now (qualified, helping with its theme, not
	 * offline, with room for one more), the nearest first, available ones first in each.
	 * @param regionCode only the volunteers of this région, or {@code null} for all
	 */
	private List<Candidate> nearestColleagues(TicketView ticket, long excluded, String regionCode) {
		List<Colleague> colleagues = this.volunteers.colleaguesFor(ticket.topicCode())
			.stream()
			.filter((colleague) -> colleague.accountId() != excluded)
			.filter((colleague) -> regionCode == null || regionCode.equals(colleague.regionCode()))
			.toList();
		Map<Long, Integer> loads = this.store.loads(colleagues.stream().map(Colleague::accountId).toList());
		// the nearest who have room, then their names (one read per colleague proposed)
		return colleagues.stream()
			.filter((colleague) -> loads.getOrDefault(colleague.accountId(), 0) < colleague.capacity())
			.sorted(Comparator.comparingInt((Colleague colleague) -> nearness(colleague, ticket))
				.thenComparing((colleague) -> colleague.presence() != Presence.AVAILABLE)
				.thenComparingLong(Colleague::accountId))
			.limit(MAX_COLLEAGUES)
			.flatMap((colleague) -> this.accounts.findEnabled(colleague.accountId())
				.map((account) -> new Candidate(account.id(), account.displayName(), Role.VOLUNTEER,
						colleague.presence(), colleague.departementCode(), nearness(colleague, ticket)))
				.stream())
			.sorted(Comparator.comparingInt(Candidate::nearness)
				.thenComparing((candidate) -> candidate.presence() != Presence.AVAILABLE)
				.thenComparing(Candidate::name)
				.thenComparingLong(Candidate::id))
			.toList();
	}

	/**
	 * The volunteers a coordinator may give a waiting request to (of their région, for a
	 * regional coordinator), the nearest first.
	 * @throws RejectedRequest (404) for a request outside the coordinator's région
	 */
	@Transactional(readOnly = true)
	public List<Candidate> assignees(long ticketId, StaffAccount coordinator) {
		TicketView ticket = this.ticketQueries.read(ticketId, coordinator);
		return nearestColleagues(ticket, coordinator.id(), coordinator.isNational() ? null : coordinator.regionCode());
	}

	/**
	 * A coordinator gives a callback request waiting, or planned for later, to a named
	 * volunteer, or takes it themselves (their own id), to hold it from now on. Giving it
	 * again to the same person changes nothing.
	 * @throws RejectedRequest (404) for a request outside the coordinator's région, or a
	 * volunteer unknown or of another région; (409) for a request offered, held or
	 * closed, or a volunteer not qualified, not helping with its theme, offline or at
	 * capacity
	 */
	@Transactional(isolation = Isolation.READ_COMMITTED)
	public TicketView assign(long ticketId, StaffAccount coordinator, long volunteerId) {
		TicketView ticket = this.ticketQueries.read(ticketId, coordinator);
		if (ticket.isHeldBy(volunteerId)) {
			return ticket;
		}
		if (volunteerId == coordinator.id()) {
			// the coordinator takes it, to call back from the phone they registered
			this.store.lock(ticketId);
			TicketView taken = this.worklist.assign(ticketId, coordinator.id(), coordinator.id());
			this.store.lock(ticketId).ifPresent((entry) -> this.store.markHeld(ticketId, coordinator.id()));
			return taken;
		}
		this.accounts.findEnabled(volunteerId)
			.filter((account) -> account.role() == Role.VOLUNTEER)
			.orElseThrow(() -> new RejectedRequest(HttpStatus.NOT_FOUND, "ticket.assign.volunteer-unknown"));
		Optional<PresenceState> presence = this.volunteerPresence.lockPresenceIfVolunteer(volunteerId);
		RoutingProfile profile = this.volunteers.routingProfile(volunteerId)
			.filter((p) -> coordinator.isNational() || coordinator.regionCode().equals(p.regionCode()))
			.orElseThrow(() -> new RejectedRequest(HttpStatus.NOT_FOUND, "ticket.assign.volunteer-unknown"));
		if (!profile.qualified() || !profile.skills().contains(ticket.topicCode())) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "ticket.handover.not-qualified");
		}
		if (presence.isEmpty() || presence.get().status() == Presence.OFFLINE) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "ticket.handover.offline");
		}
		if (this.store.load(volunteerId) >= profile.capacity()) {
			throw new RejectedRequest(HttpStatus.CONFLICT, "ticket.handover.at-capacity");
		}
		this.store.lock(ticketId);
		TicketView given = this.worklist.assign(ticketId, coordinator.id(), volunteerId);
		// a request planned for later was indexed as it came back to the queue
		this.store.lock(ticketId).ifPresent((entry) -> this.store.markHeld(ticketId, volunteerId));
		this.volunteerPresence.requestGiven(presence.get(), this.store.load(volunteerId), profile.capacity());
		return given;
	}

	private TicketView heldBy(long ticketId, StaffAccount staff) {
		TicketView ticket = this.ticketQueries.read(ticketId, staff);
		if (!ticket.isHeldBy(staff.id())) {
			throw new RejectedRequest(HttpStatus.FORBIDDEN, "ticket.not-yours");
		}
		return ticket;
	}

	/**
	 * Locks both presences in account order, so that two volunteers handing requests to
	 * each other never wait on one another; returns the recipient's (empty for someone
	 * who is not a volunteer).
	 */
	private Optional<PresenceState> lockPresences(long giverId, long recipientId) {
		if (giverId < recipientId) {
			this.volunteerPresence.lockPresenceIfVolunteer(giverId);
			return this.volunteerPresence.lockPresenceIfVolunteer(recipientId);
		}
		Optional<PresenceState> recipient = this.volunteerPresence.lockPresenceIfVolunteer(recipientId);
		this.volunteerPresence.lockPresenceIfVolunteer(giverId);
		return recipient;
	}

	/**
	 * How near a colleague is to the request: 0 the same département, 1 the same région,
	 * 2 elsewhere.
	 */
	private static int nearness(Colleague colleague, TicketView ticket) {
		if (colleague.departementCode().equals(ticket.departementCode())) {
			return 0;
		}
		return colleague.regionCode().equals(ticket.regionCode()) ? 1 : 2;
	}

	/**
	 * @param colleagues volunteers, the nearest first
	 * @param coordinators coordinators of the request's région and national ones
	 */
	public record Candidates(List<Candidate> colleagues, List<Candidate> coordinators) {
	}

	/**
	 * @param id their account
	 * @param name the name shown to colleagues
	 * @param role volunteer or coordinator
	 * @param presence a volunteer's presence; {@code null} for a coordinator
	 * @param departement the département a volunteer lives in; {@code null} for a
	 * coordinator
	 * @param nearness 0 same département, 1 same région, 2 elsewhere (3 a national
	 * coordinator)
	 */
	public record Candidate(long id, String name, Role role, Presence presence, String departement, int nearness) {
	}

}
