package fr.passerelle.account;

import fr.passerelle.IntegrationTest;
import fr.passerelle.TestAccounts;
import fr.passerelle.platform.RejectedRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@IntegrationTest
class AccountManagementIntegrationTests {

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void storesOnlyABcryptHashOfThePassword() {
		StaffAccount account = TestAccounts.open(this.accounts, Role.VOLUNTEER);

		String hash = this.jdbc.sql("SELECT password_hash FROM account WHERE id = ?")
			.param(account.id())
			.query(String.class)
			.single();

		assertThat(hash).startsWith("{bcrypt-sha256}$2").doesNotContain(TestAccounts.PASSWORD);
	}

	@Test
	void opensARegionalCoordinator() {
		String email = TestAccounts.uniqueEmail(Role.COORDINATOR);

		StaffAccount account = this.accounts.open(
				NewAccount.of(email, "Coordination Bretagne", Role.COORDINATOR, TestAccounts.PASSWORD).inRegion("53"));

		assertThat(account.regionCode()).isEqualTo("53");
		assertThat(account.isNational()).isFalse();
		assertThat(this.accounts.findByEmail(email.toUpperCase())).contains(account);
	}

	@Test
	void refusesARegionForAVolunteerOrAnUnknownRegion() {
		assertRejected(
				NewAccount.of(TestAccounts.uniqueEmail(Role.VOLUNTEER), "V", Role.VOLUNTEER, TestAccounts.PASSWORD)
					.inRegion("53"),
				"account.region.invalid");
		assertRejected(
				NewAccount.of(TestAccounts.uniqueEmail(Role.COORDINATOR), "C", Role.COORDINATOR, TestAccounts.PASSWORD)
					.inRegion("99"),
				"account.region.invalid");
	}

	@Test
	void refusesATakenAddressWhateverItsCase() {
		StaffAccount existing = TestAccounts.open(this.accounts, Role.VOLUNTEER);

		assertThatExceptionOfType(RejectedRequest.class)
			.isThrownBy(() -> this.accounts
				.open(NewAccount.of(existing.email().toUpperCase(), "Twin", Role.VOLUNTEER, TestAccounts.PASSWORD)))
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT));
	}

	@Test
	void refusesAMalformedAddress() {
		assertRejected(NewAccount.of("not-an-address", "X", Role.VOLUNTEER, TestAccounts.PASSWORD),
				"account.email.invalid");
	}

	@Test
	void createdTheConfiguredAdministratorAtStartup() {
		assertThat(this.accounts.findByEmail("admin@passerelle.test"))
			.hasValueSatisfying((admin) -> assertThat(admin.role()).isEqualTo(Role.ADMIN));
	}

	private void assertRejected(NewAccount request, String code) {
		assertThatExceptionOfType(RejectedRequest.class).isThrownBy(() -> this.accounts.open(request))
			.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo(code));
	}

}
