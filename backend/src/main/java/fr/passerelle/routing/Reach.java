package fr.passerelle.routing;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import fr.passerelle.volunteer.RoutingProfile;

/**
 * Where a volunteer's requests may come from, by escalation stage: at once from the
 * départements they serve (their own included when they serve its région or the country),
 * after the regional delay from the régions they serve (their own when they serve the
 * country), after the national delay from anywhere if they serve the country.
 */
record Reach(Set<String> departements, Set<String> regions, boolean national) {

	static Reach of(RoutingProfile volunteer) {
		Set<String> departements = new HashSet<>(volunteer.servedDepartements());
		Set<String> regions = new HashSet<>(volunteer.servedRegions());
		if (volunteer.servesNationally() || regions.contains(volunteer.regionCode())) {
			departements.add(volunteer.departementCode());
		}
		if (volunteer.servesNationally()) {
			regions.add(volunteer.regionCode());
		}
		return new Reach(Set.copyOf(departements), Set.copyOf(regions), volunteer.servesNationally());
	}

	/**
	 * Whether a request waiting since {@code waitingSince} has escalated far enough to
	 * reach this volunteer.
	 */
	boolean reaches(Entry entry, Instant regionalCutoff, Instant nationalCutoff) {
		if (this.departements.contains(entry.departementCode())) {
			return true;
		}
		if (this.regions.contains(entry.regionCode()) && !entry.waitingSince().isAfter(regionalCutoff)) {
			return true;
		}
		return this.national && !entry.waitingSince().isAfter(nationalCutoff);
	}

}
