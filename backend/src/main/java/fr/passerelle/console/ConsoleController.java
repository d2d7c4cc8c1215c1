package fr.passerelle.console;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.routing.PendingOffer;
import fr.passerelle.routing.RoutingQueries;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.TicketStatus;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.volunteer.Presence;
import fr.passerelle.volunteer.PresenceState;
import fr.passerelle.volunteer.RoutingProfile;
import fr.passerelle.volunteer.Volunteers;
import fr.passerelle.volunteer.VolunteerPresence;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a console shows when it opens, and again whenever it reconnects: nothing pushed
 * while it was away is lost.
 */
@RestController
@Tag(name = "Console", description = "The volunteer console's state")
class ConsoleController {

	private final Volunteers volunteers;

	private final VolunteerPresence volunteerPresence;

	private final RoutingQueries routing;

	private final TicketQueries tickets;

	private final Audience audience;

	private final QueueFigures figures;

	private final Clock clock;

	private final ConsoleChannel channel;

	ConsoleController(Volunteers volunteers, VolunteerPresence volunteerPresence, RoutingQueries routing,
			TicketQueries tickets, Audience audience, QueueFigures figures, Clock clock, ConsoleChannel channel) {
		this.clock = clock;
		this.channel = channel;
		this.volunteers = volunteers;
		this.volunteerPresence = volunteerPresence;
		this.routing = routing;
		this.tickets = tickets;
		this.audience = audience;
		this.figures = figures;
	}

	@GetMapping("/api/console")
	@Operation(summary = "The signed-in staff member's console: presence, offers, requests held, queue figures")
	ConsoleState state(StaffAccount staff) {
		Set<String> regions = this.audience.regionsFollowedBy(staff);
		RoutingProfile profile = (staff.role() == Role.VOLUNTEER)
				? this.volunteers.routingProfile(staff.id()).orElse(null) : null;
		List<TicketView> held = this.tickets.heldBy(staff.id());
		if (profile == null) {
			return new ConsoleState(null, null, false, List.of(), held, null, regions, this.figures.of(regions),
					this.channel.destinations());
		}
		List<Offer> offers = new ArrayList<>();
		for (PendingOffer offer : this.routing.offersTo(staff.id())) {
			this.tickets.find(offer.ticketId())
				.filter((ticket) -> ticket.status() == TicketStatus.OFFERED)
				.ifPresent((ticket) -> offers.add(new Offer(ticket.withoutPersonalData(), offer.expiresAt())));
		}
		Territories territories = new Territories(profile.departementCode(), profile.servedDepartements(),
				profile.servedRegions(), profile.servesNationally());
		PresenceState presence = this.volunteerPresence.presence(staff.id());
		Instant wrapUpUntil = presence.wrappingUpAt(this.clock.instant()) ? presence.wrapUpUntil() : null;
		return new ConsoleState(presence.status(), wrapUpUntil, profile.qualified(), offers, held, territories, regions,
				this.figures.of(regions), this.channel.destinations());
	}

	/**
	 * @param presence the volunteer's presence; {@code null} for staff who are not
	 * volunteers
	 * @param wrapUpUntil until when they are wrapping up their last request (no offers
	 * meanwhile), if they are
	 * @param qualified whether they may go available (approved and trained)
	 * @param offers requests offered to them now, the first to expire first
	 * @param held requests they hold (a coordinator holds those handed over to them)
	 * @param territories where they take requests from
	 * @param regions régions whose figures they may follow
	 * @param figures those figures now
	 * @param channel what to subscribe to on the real-time channel
	 */
	record ConsoleState(Presence presence, Instant wrapUpUntil, boolean qualified, List<Offer> offers,
			List<TicketView> held, Territories territories, Set<String> regions,
			List<QueueFigures.RegionFigures> figures, ConsoleChannel.Destinations channel) {
	}

	record Offer(TicketView ticket, Instant expiresAt) {
	}

	/**
	 * @param departement the département the volunteer lives in
	 * @param departements départements they serve (their own included)
	 * @param regions régions they serve
	 * @param national whether they serve the whole country
	 */
	record Territories(String departement, Set<String> departements, Set<String> regions, boolean national) {
	}

}
