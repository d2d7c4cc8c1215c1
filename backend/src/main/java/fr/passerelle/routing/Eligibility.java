package fr.passerelle.routing;

import java.time.Instant;
import java.util.function.Supplier;

import fr.passerelle.ticket.TicketKind;
import fr.passerelle.volunteer.RoutingProfile;

/**
 * Whether a volunteer may be given a request now: qualified, reachable by phone for a
 * live call, practising for a practice request, skilled in its theme, speaking its
 * language, and reached by it given how long it has waited (presence, capacity and
 * declined offers are checked when claiming).
 */
final class Eligibility {

	private final Supplier<RoutingProperties> delays;

	/**
	 * @param delays the delays in force, read at every decision
	 */
	Eligibility(Supplier<RoutingProperties> delays) {
		this.delays = delays;
	}

	boolean eligible(RoutingProfile volunteer, Entry entry, Instant now) {
		return volunteer.qualified() && (entry.kind() != TicketKind.LIVE_CALL || volunteer.reachableByPhone())
				&& (!entry.practice() || volunteer.practising()) && volunteer.skills().contains(entry.topicCode())
				&& volunteer.languages().contains(entry.language()) && Reach.of(volunteer)
					.reaches(entry, regionalCutoff(entry.kind(), now), nationalCutoff(entry.kind(), now));
	}

	Instant regionalCutoff(TicketKind kind, Instant now) {
		return now.minus(delaysOf(kind).regionAfter());
	}

	Instant nationalCutoff(TicketKind kind, Instant now) {
		return now.minus(delaysOf(kind).nationalAfter());
	}

	RoutingProperties.Delays delaysOf(TicketKind kind) {
		RoutingProperties current = this.delays.get();
		return (kind == TicketKind.LIVE_CALL) ? current.liveCall() : current.callback();
	}

}
