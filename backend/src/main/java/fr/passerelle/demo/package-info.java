/**
 * The demo data set: a national coordinator, a regional one, and volunteers in several
 * départements with different skills, so that a new installation can be tried at once. On
 * by default for the embedded-database run, off when an external database is configured
 * or in production ({@code passerelle.demo.enabled} decides).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data",
		allowedDependencies = { "account", "statistics", "ticket", "volunteer" })
package fr.passerelle.demo;
