/**
 * The Twilio simulator, standing in for Twilio when no account is configured (simulator
 * mode, {@link fr.passerelle.telephony.simulator.SimulatorMode}): Twilio's REST API as
 * the platform calls it, a phone network whose calls play this application's webhooks as
 * Twilio does, the texts each simulated phone received, and the staff's training phone.
 * Nothing here is loaded with a Twilio account, and its paths are public only in
 * simulator mode.
 * <p>
 * Production telephony never calls into it: it only knows the simulated API's address.
 * What it offers (the phones, the calls, their texts) is for the training phone and the
 * tests that call the hotline as a citizen would.
 */
@org.springframework.modulith.NamedInterface("simulator")
package fr.passerelle.telephony.simulator;
