package fr.passerelle.platform;

import java.util.UUID;

import fr.passerelle.IntegrationTest;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.NewAccount;
import fr.passerelle.account.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Demo accounts left in a database that production now uses keep it from starting.
 */
@IntegrationTest
class ProductionSafetyIntegrationTests {

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void refusesToStartWithDemoAccountsLeftEnabled() {
		this.accounts.open(NewAccount.of("leftover-" + UUID.randomUUID() + "@passerelle.demo", "Démo oubliée",
				Role.COORDINATOR, "passerelle-demo passerelle-demo"));
		MockEnvironment safe = new MockEnvironment()
			.withProperty("passerelle.twilio.account-sid", "AC0123456789abcdef0123456789abcdef")
			.withProperty("passerelle.public-base-url", "https://passerelle.example")
			.withProperty("springdoc.api-docs.enabled", "false")
			.withProperty("passerelle.privacy.controller-name", "l'association Passerelle")
			.withProperty("passerelle.privacy.contact", "dpo@passerelle.example")
			.withProperty("passerelle.privacy.host", "un hébergeur en France")
			.withProperty("spring.mail.host", "smtp.passerelle.example");

		assertThatIllegalStateException()
			.isThrownBy(() -> new ProductionSafety(safe, this.jdbc).afterSingletonsInstantiated())
			.withMessageContaining("demo account(s)")
			.withMessageNotContaining("Twilio");
	}

}
