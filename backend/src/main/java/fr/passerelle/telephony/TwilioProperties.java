package fr.passerelle.telephony;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Twilio as configured ({@code passerelle.twilio.*}).
 *
 * @param accountSid the Twilio account; none means the simulator stands in for Twilio
 * @param authToken signs Twilio's webhooks; with none, the simulator uses a generated one
 * @param hotlineNumber the number citizens call, and the caller ID of every call we place
 * @param mode {@code simulator} or {@code twilio}; by default {@code twilio} when an
 * account is set, {@code simulator} otherwise
 * @param apiBaseUrl where the SDK sends its REST requests (Twilio's own by default)
 * @param validateSignatures whether webhooks without a valid {@code X-Twilio-Signature}
 * are refused (only ever off for a local experiment)
 */
@ConfigurationProperties("passerelle.twilio")
public record TwilioProperties(String accountSid, String authToken, String hotlineNumber, Mode mode, String apiBaseUrl,
		Boolean validateSignatures) {

	public enum Mode {

		SIMULATOR, TWILIO

	}

	/**
	 * The mode in force: as set, or {@code twilio} when an account is configured and
	 * {@code simulator} otherwise.
	 */
	public Mode effectiveMode() {
		if (this.mode != null) {
			return this.mode;
		}
		return (this.accountSid != null && !this.accountSid.isBlank()) ? Mode.TWILIO : Mode.SIMULATOR;
	}

}
