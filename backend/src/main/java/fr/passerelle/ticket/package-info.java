/**
 * Requests for help ("demandes"): creation from the phone, the web form or a volunteer
 * (each value parsed where it arrives, by {@link fr.passerelle.ticket.HelpRequests}), the
 * short reference read over the phone, the states and their transitions (each a method of
 * {@code Ticket}, checked by {@link fr.passerelle.ticket.TicketStatus}, writing its
 * timeline entry and raising its event), notes, the outcome form, repeat callers, and the
 * callback policy. The routing engine drives offers and assignments through
 * {@link fr.passerelle.ticket.TicketManagement}; reads go through
 * {@link fr.passerelle.ticket.TicketQueries}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tickets",
		allowedDependencies = { "account", "calendar", "platform", "privacy", "territory", "topic" })
package fr.passerelle.ticket;
