package fr.passerelle.telephony;

import java.util.function.Supplier;

import com.twilio.http.TwilioRestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.passerelle.platform.PublicSite;
import fr.passerelle.platform.PublicForms;
import fr.passerelle.platform.PublicPaths;
import fr.passerelle.platform.RestrictedPaths;
import fr.passerelle.telephony.simulator.TwilioSimulator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Twilio's webhooks are public (Twilio has no session) and posted without a CSRF token;
 * their signature is what protects them.
 */
@Configuration(proxyBeanMethods = false)
class TelephonyConfiguration {

	private static final Logger log = LoggerFactory.getLogger(TelephonyConfiguration.class);

	static final String WEBHOOKS = "/telephony/**";

	@Bean
	TwilioSettings twilioSettings(TwilioProperties properties, PublicSite site) {
		TwilioSettings settings = TwilioSettings.resolve(properties, site.publicBaseUrl());
		log.info("Telephony: {} mode, webhooks expected at {}{}", settings.mode().name().toLowerCase(),
				settings.publicBaseUrl(), settings.validateSignatures() ? "" : " (signatures NOT checked)");
		return settings;
	}

	/**
	 * Twilio's SDK, talking to Twilio, or to the simulator's API on this very server in
	 * simulator mode (or to {@code passerelle.twilio.api-base-url} when set).
	 */
	@Bean
	TwilioRestClient twilioRestClient(TwilioSettings settings, TwilioProperties properties, Environment environment) {
		Supplier<String> baseUrl = null;
		if (properties.apiBaseUrl() != null && !properties.apiBaseUrl().isBlank()) {
			String configured = properties.apiBaseUrl().replaceFirst("/+$", "");
			baseUrl = () -> configured;
		}
		else if (settings.mode() == TwilioProperties.Mode.SIMULATOR) {
			baseUrl = () -> "http://127.0.0.1:"
					+ environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"))
					+ TwilioSimulator.API_BASE;
		}
		return new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
			.httpClient(new TwilioHttp(baseUrl))
			.build();
	}

	/** Coordinators read the texts' wordings; national ones change them. */
	@Bean
	RestrictedPaths smsTemplatePaths() {
		return RestrictedPaths.coordinators("/api/sms-templates", "/api/sms-templates/**");
	}

	@Bean
	PublicPaths telephonyPublicPaths() {
		return PublicPaths.of(WEBHOOKS);
	}

	/** Twilio signs its webhooks. */
	@Bean
	PublicForms telephonyPublicForms() {
		return PublicForms.of(WEBHOOKS);
	}

	@Bean
	WebMvcConfigurer webhookSignatures(TwilioSettings settings) {
		WebhookSignatures signatures = new WebhookSignatures(settings);
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(signatures).addPathPatterns(WEBHOOKS);
			}
		};
	}

}
