/**
 * Staff accounts (volunteers, coordinators national or scoped to one région,
 * administrators), sign-in and sign-out of the staff app with sessions shared by every
 * instance, password changes, sign-in throttling, and the web security rules of the whole
 * application (deny by default). {@link fr.passerelle.account.AccountManagement} is the
 * entry point for other modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts",
		allowedDependencies = { "platform", "privacy", "territory" })
package fr.passerelle.account;
