package fr.passerelle.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import fr.passerelle.ticket.TicketKind;
import fr.passerelle.volunteer.RoutingProfile;
import fr.passerelle.volunteer.Volunteers;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What routing tells without changing anything: the offers waiting for a volunteer, the
 * requests not yet taken, who could take a live call now ({@link Routing} changes them).
 */
@Service
public class RoutingQueries {

	private final RoutingStore store;

	private final Volunteers volunteers;

	private final Eligibility eligibility;

	private final Clock clock;

	RoutingQueries(RoutingStore store, Volunteers volunteers, RoutingSettings settings, Clock clock) {
		this.store = store;
		this.volunteers = volunteers;
		this.eligibility = new Eligibility(settings::current);
		this.clock = clock;
	}

	/**
	 * The requests offered to a volunteer now, the first to expire first.
	 */
	@Transactional(readOnly = true)
	public List<PendingOffer> offersTo(long volunteerId) {
		return this.store.offersTo(volunteerId);
	}

	/**
	 * Requests not yet taken, counted by région, département, theme and kind.
	 */
	@Transactional(readOnly = true)
	public List<QueueFigure> queueFigures() {
		return this.store.figures();
	}

	/**
	 * The volunteers available now who could take a live call of this theme and place, at
	 * once or once it escalates to their région or the whole country.
	 */
	public List<Long> availableForLiveCall(String topicCode, String departementCode, String regionCode,
			String language) {
		Entry call = new Entry(0, TicketKind.LIVE_CALL, topicCode, departementCode, regionCode, language, 0,
				Instant.EPOCH, Entry.State.WAITING, null, null);
		Instant now = this.clock.instant();
		return this.volunteers.availableForOffers()
			.stream()
			.filter((volunteer) -> this.eligibility.eligible(volunteer, call, now))
			.map(RoutingProfile::accountId)
			.toList();
	}

}
