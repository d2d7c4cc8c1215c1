package fr.passerelle.platform;

import java.util.List;

/**
 * Paths of the staff API kept for coordinators (regional or national, and administrators)
 * or for administrators alone. Each module declares its own as a bean; the security
 * configuration checks them at the door, before a body is read, so that nobody else
 * learns more than "refused" (the controllers check again, and check the région).
 *
 * @param audience who may use them
 * @param patterns path patterns, such as {@code /api/blocked-numbers/**}
 */
public record RestrictedPaths(Audience audience, List<String> patterns) {

	/**
	 * The authority of staff who act for the whole country: administrators and national
	 * coordinators (it follows the account at each request, as roles do).
	 */
	public static final String NATIONAL_AUTHORITY = "SCOPE_NATIONAL";

	public static RestrictedPaths coordinators(String... patterns) {
		return new RestrictedPaths(Audience.COORDINATORS, List.of(patterns));
	}

	public static RestrictedPaths nationalStaff(String... patterns) {
		return new RestrictedPaths(Audience.NATIONAL_STAFF, List.of(patterns));
	}

	public static RestrictedPaths administrators(String... patterns) {
		return new RestrictedPaths(Audience.ADMINISTRATORS, List.of(patterns));
	}

	public enum Audience {

		/** Coordinators of any région, national coordinators and administrators. */
		COORDINATORS,
		/** National coordinators and administrators. */
		NATIONAL_STAFF,
		/** Administrators only. */
		ADMINISTRATORS

	}

}
