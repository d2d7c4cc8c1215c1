package fr.passerelle.platform;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Under the production profile, the application refuses to start with a setting that
 * would leave citizens' data or the hotline unprotected, and says which and what to set
 * instead. The checks run once every bean is ready, before the web server opens.
 */
@Component
@Profile("production")
class ProductionSafety implements SmartInitializingSingleton {

	private final Environment environment;

	private final JdbcClient jdbc;

	ProductionSafety(Environment environment, JdbcClient jdbc) {
		this.environment = environment;
		this.jdbc = jdbc;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> unsafe = unsafeSettings(this.environment);
		long demoAccounts = this.jdbc
			.sql("SELECT COUNT(*) FROM account WHERE enabled AND email LIKE '%@passerelle.demo'")
			.query(Long.class)
			.single();
		if (demoAccounts > 0) {
			unsafe.add(demoAccounts + " demo account(s) (@passerelle.demo) left from an earlier run can still sign in"
					+ " with the published password: deactivate or delete them");
		}
		if (!unsafe.isEmpty()) {
			throw new IllegalStateException("Unsafe production settings, the application does not start:\n  - "
					+ String.join("\n  - ", unsafe));
		}
	}

	/**
	 * What is unsafe in these settings, one sentence each with what to set instead.
	 */
	static List<String> unsafeSettings(Environment environment) {
		List<String> unsafe = new ArrayList<>();
		String accountSid = environment.getProperty("passerelle.twilio.account-sid", "");
		String mode = environment.getProperty("passerelle.twilio.mode", "");
		if (accountSid.isBlank() && !mode.equalsIgnoreCase("simulator")) {
			unsafe.add("no Twilio account (PASSERELLE_TWILIO_ACCOUNT_SID): set it, or choose the simulator "
					+ "explicitly with PASSERELLE_TWILIO_MODE=simulator");
		}
		if ("false".equalsIgnoreCase(environment.getProperty("passerelle.twilio.validate-signatures", "true"))) {
			unsafe.add("PASSERELLE_TWILIO_VALIDATE_SIGNATURES=false accepts forged webhooks: remove it");
		}
		String publicBaseUrl = environment.getProperty("passerelle.public-base-url", "");
		if (!publicBaseUrl.startsWith("https://")) {
			unsafe.add("PASSERELLE_PUBLIC_BASE_URL must be an https:// address (got '" + publicBaseUrl + "')");
		}
		if ("true".equalsIgnoreCase(environment.getProperty("passerelle.demo.enabled", "false"))) {
			unsafe.add("PASSERELLE_DEMO_ENABLED=true creates accounts with a published password: remove it");
		}
		if (!environment.getProperty("passerelle.console.relay.host", "").isBlank()
				&& ("guest".equals(environment.getProperty("passerelle.console.relay.login", "guest"))
						|| "guest".equals(environment.getProperty("passerelle.console.relay.passcode", "guest")))) {
			unsafe.add("the STOMP relay connects as RabbitMQ's guest user: set PASSERELLE_CONSOLE_RELAY_LOGIN and "
					+ "PASSERELLE_CONSOLE_RELAY_PASSCODE to a user of its own");
		}
		String relayHost = environment.getProperty("passerelle.console.relay.host", "").strip();
		if (!relayHost.isEmpty() && !isLoopback(relayHost)
				&& !"true".equalsIgnoreCase(environment.getProperty("passerelle.console.relay.tls", "false"))) {
			unsafe.add("the STOMP relay to " + relayHost + " is not encrypted: set PASSERELLE_CONSOLE_RELAY_TLS=true "
					+ "(and PASSERELLE_CONSOLE_RELAY_SSL_BUNDLE for a private certificate authority)");
		}
		if (environment.getProperty("spring.mail.host", "").isBlank()) {
			unsafe.add("no SMTP server (SPRING_MAIL_HOST): the password reset links would be written to files on "
					+ "this server instead of reaching staff; set it (and SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD)");
		}
		if ("true".equalsIgnoreCase(environment.getProperty("springdoc.api-docs.enabled", "true"))) {
			unsafe.add("the API description (/v3/api-docs) is public: set SPRINGDOC_API_DOCS_ENABLED=false");
		}
		for (String property : new String[] { "passerelle.privacy.controller-name", "passerelle.privacy.contact",
				"passerelle.privacy.host" }) {
			if (environment.getProperty(property, "").isBlank()) {
				unsafe.add("the privacy notice needs " + property + " ("
						+ property.toUpperCase().replace('.', '_').replace('-', '_') + "): who is responsible, "
						+ "how to reach them, who hosts the data");
			}
		}
		return unsafe;
	}

	private static boolean isLoopback(String host) {
		return host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
	}

}
