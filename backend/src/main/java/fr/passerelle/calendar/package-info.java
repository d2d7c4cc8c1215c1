/**
 * When the help desk is open: the weekly opening hours, in the help desk's time zone
 * (Europe/Paris). Public holidays come with the callback policy.
 * {@link fr.passerelle.calendar.OpeningHours} is the entry point.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package fr.passerelle.calendar;
