package fr.passerelle.platform;

import java.io.IOException;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production profile refuses unsafe settings (issue 13, finding 9).
 */
class ProductionSafetyTests {

	@Test
	void acceptsTheProductionProfileWithATwilioAccountAndAnHttpsAddress() throws IOException {
		assertThat(ProductionSafety.unsafeSettings(safe())).isEmpty();
	}

	@Test
	void refusesEachUnsafeSettingAndSaysWhatToSet() throws IOException {
		assertThat(unsafe("passerelle.twilio.account-sid", "")).singleElement()
			.asString()
			.contains("PASSERELLE_TWILIO_MODE=simulator");
		assertThat(unsafe("passerelle.twilio.validate-signatures", "false")).singleElement()
			.asString()
			.contains("PASSERELLE_TWILIO_VALIDATE_SIGNATURES");
		assertThat(unsafe("passerelle.public-base-url", "http://passerelle.example")).singleElement()
			.asString()
			.contains("https://");
		assertThat(unsafe("passerelle.demo.enabled", "true")).singleElement().asString().contains("DEMO");
		assertThat(unsafe("springdoc.api-docs.enabled", "true")).singleElement().asString().contains("api-docs");
		assertThat(unsafe("spring.mail.host", "")).singleElement().asString().contains("SPRING_MAIL_HOST");
		assertThat(unsafe("passerelle.privacy.contact", "")).singleElement()
			.asString()
			.contains("PASSERELLE_PRIVACY_CONTACT");
		MockEnvironment relay = safe().withProperty("passerelle.console.relay.host", "rabbitmq.internal");
		assertThat(ProductionSafety.unsafeSettings(relay)).hasSize(2)
			.anySatisfy((unsafe) -> assertThat(unsafe).contains("guest"))
			.anySatisfy((unsafe) -> assertThat(unsafe).contains("not encrypted").contains("RELAY_TLS"));
		relay.withProperty("passerelle.console.relay.login", "passerelle")
			.withProperty("passerelle.console.relay.passcode", "a long secret");
		assertThat(ProductionSafety.unsafeSettings(relay)).singleElement().asString().contains("not encrypted");
		relay.withProperty("passerelle.console.relay.tls", "true");
		assertThat(ProductionSafety.unsafeSettings(relay)).isEmpty();
		MockEnvironment sameMachine = safe().withProperty("passerelle.console.relay.host", "127.0.0.1")
			.withProperty("passerelle.console.relay.login", "passerelle")
			.withProperty("passerelle.console.relay.passcode", "a long secret");
		assertThat(ProductionSafety.unsafeSettings(sameMachine)).as("a broker on the same machine").isEmpty();
	}

	@Test
	void letsTheSimulatorRunOnlyWhenChosenExplicitly() throws IOException {
		MockEnvironment simulator = safe().withProperty("passerelle.twilio.account-sid", "")
			.withProperty("passerelle.twilio.mode", "simulator");
		assertThat(ProductionSafety.unsafeSettings(simulator)).isEmpty();
	}

	private static List<String> unsafe(String key, String value) throws IOException {
		return ProductionSafety.unsafeSettings(safe().withProperty(key, value));
	}

	/**
	 * The production profile's own file, with what an operator must add.
	 */
	private static MockEnvironment safe() throws IOException {
		MockEnvironment environment = new MockEnvironment();
		Properties production = PropertiesLoaderUtils
			.loadProperties(new ClassPathResource("application-production.properties"));
		production.forEach((key, value) -> environment.setProperty((String) key, (String) value));
		return environment.withProperty("passerelle.twilio.account-sid", "AC0123456789abcdef0123456789abcdef")
			.withProperty("passerelle.public-base-url", "https://passerelle.example")
			.withProperty("passerelle.privacy.controller-name", "l'association Passerelle Normandie")
			.withProperty("passerelle.privacy.contact", "dpo@passerelle.example")
			.withProperty("passerelle.privacy.host", "OVHcloud, à Roubaix")
			.withProperty("spring.mail.host", "smtp.passerelle.example");
	}

}
