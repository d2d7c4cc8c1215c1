package fr.passerelle.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the public reaches the platform ({@code passerelle.public-base-url}): the address
 * in texts and mails, the origin of the console's WebSocket, and what Twilio signs its
 * webhooks for.
 *
 * @param publicBaseUrl such as {@code https://passerelle.example}, without a trailing
 * slash
 */
@ConfigurationProperties("passerelle")
public record PublicSite(String publicBaseUrl) {

	/** The address without a trailing slash, for paths to follow. */
	public String baseUrl() {
		return this.publicBaseUrl.replaceAll("/+$", "");
	}

}
