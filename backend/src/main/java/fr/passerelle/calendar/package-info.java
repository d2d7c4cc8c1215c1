/**
 * When the help desk is open: the weekly opening hours, in the help desk's time zone
 * (Europe/Paris), the French public holidays, and the exceptional closures (with the
 * message the phone line reads) and openings that national staff set from the staff app
 * ({@link fr.passerelle.calendar.ServiceCalendar}, kept in the database, read again by
 * every instance within seconds). {@link fr.passerelle.calendar.OpeningHours} is the
 * entry point.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar",
		allowedDependencies = { "account", "platform", "privacy" })
package fr.passerelle.calendar;
