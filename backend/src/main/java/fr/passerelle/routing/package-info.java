/**
 * Who handles what (DESIGN.md §5): eligibility (skills, language, territory,
 * qualification, presence, capacity), escalation from département to région to the whole
 * country, ordering (live calls, priority, waiting time), longest-idle fairness, offers
 * that are reservations with a deadline, "take the next one", and the jobs that keep it
 * moving. Exactly one volunteer per request across any number of instances: claims lock
 * rows with {@code SKIP LOCKED} at READ COMMITTED. {@link fr.passerelle.routing.Routing}
 * is the entry point.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Routing",
		allowedDependencies = { "account", "platform", "privacy", "ticket", "volunteer" })
package fr.passerelle.routing;
