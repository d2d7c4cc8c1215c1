/**
 * The hotline: Twilio's voice and SMS webhooks, the phone menu, and the calls the
 * platform places. Every webhook is signed by Twilio (or by the simulator that stands in
 * for it when no Twilio account is configured) and checked against the configured public
 * address.
 * <p>
 * Two rooms lean on this base and are used by nothing in it: {@code texts} (what the
 * platform texts, and the wordings) and {@code simulator} (Twilio's stand-in, loaded in
 * simulator mode only).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Telephony",
		allowedDependencies = { "account", "calendar", "platform", "privacy", "routing", "statistics", "territory",
				"ticket", "topic", "tutorial", "volunteer" })
package fr.passerelle.telephony;
