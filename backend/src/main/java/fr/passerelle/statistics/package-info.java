/**
 * Statistics: the figures coordinators read (DESIGN.md §7), each defined once. The
 * records of calls, requests and presence are rolled up every minute into anonymous daily
 * counts ({@code statistics_*} tables, kept for good) from which any period is summed;
 * today is computed from the records themselves. Reads the other modules' tables, never
 * writes them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics",
		allowedDependencies = { "account", "calendar", "platform", "privacy", "routing", "territory", "topic" })
package fr.passerelle.statistics;
