package fr.passerelle.statistics;

import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.territory.Territories;

import org.springframework.http.HttpStatus;

/**
 * Whose figures: the whole country, or one région.
 *
 * @param regionCode {@code null} for the whole country
 */
record Scope(String regionCode) {

	static final Scope NATIONAL = new Scope(null);

	/**
	 * The scope a staff member asks for: a regional coordinator sees their own région
	 * (asked or not); national coordinators and administrators the whole country or the
	 * région they ask for.
	 * @throws RejectedRequest (400) for an unknown région, (403) for another région than
	 * a regional coordinator's own, or for a volunteer
	 */
	static Scope of(StaffAccount viewer, String requested, Territories territories) {
		if (viewer.role() == Role.VOLUNTEER) {
			throw new RejectedRequest(HttpStatus.FORBIDDEN, "statistics.forbidden");
		}
		String asked = (requested == null || requested.isBlank()) ? null : requested.strip();
		if (asked != null && territories.region(asked).isEmpty()) {
			throw new RejectedRequest(HttpStatus.BAD_REQUEST, "statistics.region.unknown");
		}
		boolean regional = viewer.role() == Role.COORDINATOR && !viewer.isNational();
		if (regional) {
			if (asked != null && !asked.equals(viewer.regionCode())) {
				throw new RejectedRequest(HttpStatus.FORBIDDEN, "statistics.region.forbidden");
			}
			return new Scope(viewer.regionCode());
		}
		return new Scope(asked);
	}

	/** The scope as the rollup tables name it. */
	String key() {
		return (this.regionCode != null) ? this.regionCode : Cell.NATIONAL;
	}

}
