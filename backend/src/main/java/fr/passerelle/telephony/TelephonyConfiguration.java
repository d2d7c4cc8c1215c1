package fr.passerelle.telephony;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.passerelle.platform.PublicForms;
import fr.passerelle.platform.PublicPaths;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Twilio's webhooks are public (Twilio has no session) and posted without a CSRF token;
 * their signature is what protects them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TwilioProperties.class)
class TelephonyConfiguration {

	private static final Logger log = LoggerFactory.getLogger(TelephonyConfiguration.class);

	static final String WEBHOOKS = "/telephony/**";

	@Bean
	TwilioSettings twilioSettings(TwilioProperties properties,
			@Value("${passerelle.public-base-url}") String publicBaseUrl) {
		TwilioSettings settings = TwilioSettings.resolve(properties, publicBaseUrl);
		log.info("Telephony: {} mode, webhooks expected at {}{}", settings.mode().name().toLowerCase(),
				settings.publicBaseUrl(), settings.validateSignatures() ? "" : " (signatures NOT checked)");
		return settings;
	}

	@Bean
	PublicPaths telephonyPublicPaths() {
		return PublicPaths.of(WEBHOOKS);
	}

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
