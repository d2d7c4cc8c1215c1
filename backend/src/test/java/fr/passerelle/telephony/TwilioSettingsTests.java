package fr.passerelle.telephony;

import fr.passerelle.telephony.TwilioProperties.Mode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TwilioSettingsTests {

	private static final String BASE = "https://passerelle.example";

	@Test
	void usesTheSimulatorWithAGeneratedTokenWhenNoAccountIsConfigured() {
		TwilioSettings settings = TwilioSettings.resolve(properties(null, null, null, null), BASE + "/");

		assertThat(settings.mode()).isEqualTo(Mode.SIMULATOR);
		assertThat(settings.authToken()).hasSize(32);
		assertThat(settings.accountSid()).matches("AC[0-9a-f]{32}");
		assertThat(settings.publicBaseUrl()).isEqualTo(BASE);
		assertThat(settings.validateSignatures()).isTrue();
		assertThat(TwilioSettings.resolve(properties(null, null, null, null), BASE).authToken()).as("generated afresh")
			.isNotEqualTo(settings.authToken());
	}

	@Test
	void usesTwilioWhenAnAccountIsConfigured() {
		TwilioSettings settings = TwilioSettings.resolve(properties("AC123", "secret-token", null, null), BASE);

		assertThat(settings.mode()).isEqualTo(Mode.TWILIO);
		assertThat(settings.accountSid()).isEqualTo("AC123");
		assertThat(settings.authToken()).isEqualTo("secret-token");
		assertThat(settings.toString()).doesNotContain("secret-token");
	}

	@Test
	void refusesToStartTwilioWithSignatureChecksButNoToken() {
		assertThatIllegalStateException()
			.isThrownBy(() -> TwilioSettings.resolve(properties("AC123", " ", null, null), BASE))
			.withMessageContaining("passerelle.twilio.auth-token")
			.withMessageContaining("PASSERELLE_TWILIO_AUTH_TOKEN");
		assertThat(TwilioSettings.resolve(properties("AC123", null, null, false), BASE).validateSignatures()).isFalse();
	}

	@Test
	void refusesTwilioModeWithAnAddressTwilioCannotReach() {
		assertThatIllegalStateException()
			.isThrownBy(() -> TwilioSettings.resolve(properties("AC123", "token", null, null), "http://localhost:8080"))
			.withMessageContaining("PASSERELLE_PUBLIC_BASE_URL");
	}

	@Test
	void refusesTwilioModeWithoutAnAccount() {
		assertThatIllegalStateException()
			.isThrownBy(() -> TwilioSettings.resolve(properties(null, "token", Mode.TWILIO, null), BASE))
			.withMessageContaining("passerelle.twilio.account-sid");
	}

	@Test
	void refusesAPublicAddressThatIsNotOne() {
		for (String wrong : new String[] { null, "", "passerelle.example", "ftp://passerelle.example",
				"https://passerelle.example/?x=1" }) {
			assertThatIllegalStateException()
				.isThrownBy(() -> TwilioSettings.resolve(properties(null, null, null, null), wrong))
				.as(String.valueOf(wrong))
				.withMessageContaining("passerelle.public-base-url");
		}
	}

	private static TwilioProperties properties(String accountSid, String authToken, Mode mode, Boolean validate) {
		return new TwilioProperties(accountSid, authToken, "+33199001234", mode, null, validate);
	}

}
