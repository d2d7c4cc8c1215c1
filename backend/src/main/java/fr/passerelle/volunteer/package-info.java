/**
 * Volunteer mediators: their profile (département, themes, languages, territories served,
 * capacity), the phone they are rung on, presence and its history, weekly shifts and
 * wrap-up, onboarding (sign-up, approval, charter, practice calls) and the files
 * coordinators keep ({@link fr.passerelle.volunteer.VolunteerDirectory}).
 * {@link fr.passerelle.volunteer.Volunteers} is the entry point.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Volunteers",
		allowedDependencies = { "account", "platform", "privacy", "territory", "topic" })
package fr.passerelle.volunteer;
