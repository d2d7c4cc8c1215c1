/**
 * Volunteer mediators: the département they live in and the themes they can help with.
 * Presence, shifts, languages, territories served and onboarding come with the routing
 * engine. {@link fr.passerelle.volunteer.Volunteers} is the entry point.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Volunteers")
package fr.passerelle.volunteer;
