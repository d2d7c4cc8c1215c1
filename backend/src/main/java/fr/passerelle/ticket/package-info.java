/**
 * Requests for help ("demandes"): creation from the phone, the web form or a volunteer,
 * the short reference read over the phone, the states and their transitions (enforced by
 * {@link fr.passerelle.ticket.TicketStatus}), the timeline, notes, the outcome form,
 * repeat callers, and the callback policy. The routing engine drives offers and
 * assignments through {@link fr.passerelle.ticket.TicketManagement}; every change is
 * published as an event.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tickets",
		allowedDependencies = { "account", "calendar", "platform", "privacy", "territory", "topic" })
package fr.passerelle.ticket;
