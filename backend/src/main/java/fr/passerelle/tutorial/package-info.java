/**
 * The tutorials library: step-by-step guides written for citizens, public once published
 * (server-rendered, no JavaScript), searchable in French with or without accents, with
 * short links for texts. Tutorials are a commons (CC BY-SA 4.0 by default), loaded from
 * and exchanged as bundles of Markdown files.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tutorials",
		allowedDependencies = { "account", "platform", "topic" })
package fr.passerelle.tutorial;
