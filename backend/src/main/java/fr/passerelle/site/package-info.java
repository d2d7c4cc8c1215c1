/**
 * The citizen website's frame and its own pages: the home page (hotline number, opening
 * hours, what we help with), the callback form and the accessibility statement.
 * Server-rendered, tiny, usable without JavaScript. The tutorials' pages reuse its
 * layout.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Citizen site",
		allowedDependencies = { "calendar", "platform", "privacy", "territory", "ticket", "topic" })
package fr.passerelle.site;
