package fr.passerelle.telephony;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Twilio's settings once resolved: the mode, the token webhooks are signed with, and the
 * public address Twilio reaches us at (signatures cover it, so it is the configured one,
 * never the address a proxy forwarded the request to).
 *
 * @param mode whether Twilio or the simulator places calls and signs webhooks
 * @param accountSid the account REST requests are made for (a generated one for the
 * simulator, when none is configured)
 * @param authToken the signing key, and the REST password
 * @param publicBaseUrl without a trailing slash, such as
 * {@code https://passerelle.example}
 * @param validateSignatures whether unsigned or forged webhooks are refused
 */
public record TwilioSettings(TwilioProperties.Mode mode, String accountSid, String authToken, String publicBaseUrl,
		boolean validateSignatures) {

	/**
	 * @throws IllegalStateException with what to set, when Twilio is to be used without
	 * what it needs
	 */
	static TwilioSettings resolve(TwilioProperties properties, String publicBaseUrl) {
		boolean hasAccount = properties.accountSid() != null && !properties.accountSid().isBlank();
		boolean hasToken = properties.authToken() != null && !properties.authToken().isBlank();
		TwilioProperties.Mode mode = properties.effectiveMode();
		boolean validate = !Boolean.FALSE.equals(properties.validateSignatures());
		if (publicBaseUrl == null || !publicBaseUrl.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
			throw new IllegalStateException(
					"passerelle.public-base-url must be the address Twilio reaches this application at, such as "
							+ "https://passerelle.example (got '" + publicBaseUrl + "')");
		}
		String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
				: publicBaseUrl;
		if (mode == TwilioProperties.Mode.TWILIO) {
			if (base.matches("https?://(localhost|127\\.0\\.0\\.1)([:/].*)?")) {
				throw new IllegalStateException("Twilio cannot reach " + base + ": set passerelle.public-base-url "
						+ "(PASSERELLE_PUBLIC_BASE_URL) to the public address of this application");
			}
			if (!hasAccount) {
				throw new IllegalStateException(
						"passerelle.twilio.mode=twilio needs passerelle.twilio.account-sid (PASSERELLE_TWILIO_ACCOUNT_SID)");
			}
			if (validate && !hasToken) {
				throw new IllegalStateException("Twilio webhooks are checked against their signature, which needs "
						+ "passerelle.twilio.auth-token (PASSERELLE_TWILIO_AUTH_TOKEN); set it, or set "
						+ "passerelle.twilio.validate-signatures=false for a local experiment only");
			}
			return new TwilioSettings(mode, properties.accountSid(), hasToken ? properties.authToken() : "", base,
					validate);
		}
		String token = hasToken ? properties.authToken() : generated();
		return new TwilioSettings(mode, hasAccount ? properties.accountSid() : "AC" + generated(), token, base,
				validate);
	}

	/** 32 random hexadecimal digits. */
	private static String generated() {
		byte[] bytes = new byte[16];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	@Override
	public String toString() {
		return "TwilioSettings[mode=" + this.mode + ", accountSid=" + this.accountSid + ", publicBaseUrl="
				+ this.publicBaseUrl + ", validateSignatures=" + this.validateSignatures + "]";
	}

}
