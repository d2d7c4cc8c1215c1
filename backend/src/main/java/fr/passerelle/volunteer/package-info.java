/**
 * Volunteer mediators: their profile (département, themes, languages, territories served,
 * capacity), the phone they are rung on, presence and its history, weekly shifts and
 * wrap-up, onboarding (sign-up, approval, charter, practice calls) and the files
 * coordinators keep ({@link fr.passerelle.volunteer.VolunteerDirectory}). Its services:
 * {@link fr.passerelle.volunteer.Volunteers} (profiles, phones, what routing matches
 * against), {@link fr.passerelle.volunteer.VolunteerPresence} (presence, published as
 * {@code PresenceChanged} whoever changed it), {@link fr.passerelle.volunteer.WrapUps}
 * and {@link fr.passerelle.volunteer.VolunteerShifts}, all kept by one store.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Volunteers",
		allowedDependencies = { "account", "platform", "privacy", "territory", "topic" })
package fr.passerelle.volunteer;
