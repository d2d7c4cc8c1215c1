package fr.passerelle.demo;

import java.util.Set;
import java.util.stream.Collectors;

import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestClock;
import fr.passerelle.TestTotp;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.volunteer.VolunteerProfile;
import fr.passerelle.volunteer.Volunteers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class DemoDataIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	TestClock clock;

	@Test
	void createsCoordinatorsAndVolunteersInSeveralDepartementsOnceOnly() {
		DemoData demo = new DemoData(this.accounts, this.volunteers);

		demo.run(null);
		demo.run(null);

		StaffAccount national = this.accounts.findByEmail("coordination@passerelle.demo").orElseThrow();
		assertThat(national.role()).isEqualTo(Role.COORDINATOR);
		assertThat(national.isNational()).isTrue();
		assertThat(this.accounts.findByEmail("administration@passerelle.demo")).get()
			.extracting(StaffAccount::role)
			.as("an administrator to explore the audit log with")
			.isEqualTo(Role.ADMIN);
		assertThat(this.accounts.findByEmail("coordination.ara@passerelle.demo")).get()
			.extracting(StaffAccount::regionCode)
			.isEqualTo("84");
		Set<VolunteerProfile> profiles = DemoData.STAFF.stream()
			.filter((staff) -> staff.role() == Role.VOLUNTEER)
			.map((staff) -> this.accounts.findByEmail(staff.email()).orElseThrow())
			.map((account) -> this.volunteers.find(account.id()).orElseThrow())
			.collect(Collectors.toSet());
		assertThat(profiles).extracting(VolunteerProfile::departementCode)
			.containsExactlyInAnyOrder("75", "69", "35", "13", "974");
		assertThat(profiles.stream().map(VolunteerProfile::skills).distinct()).hasSize(profiles.size());
		assertThat(profiles).allSatisfy((profile) -> assertThat(this.volunteers.routingProfile(profile.accountId()))
			.hasValueSatisfying((routing) -> assertThat(routing.qualified()).as("ready to take requests").isTrue()));
		assertThat(
				new StaffClient(this.port).login("coordination@passerelle.demo", DemoData.PASSWORD, null).statusCode())
			.as("the code is asked for")
			.isEqualTo(401);
		assertThat(new StaffClient(this.port)
			.login("coordination@passerelle.demo", DemoData.PASSWORD,
					TestTotp.code(DemoData.TWO_FACTOR_SECRET, this.clock.instant()))
			.statusCode()).as("with the published secret").isEqualTo(200);
		assertThat(this.accounts
			.hasTwoFactor(this.accounts.findByEmail("benevole.paris@passerelle.demo").orElseThrow().id()))
			.as("volunteers may, but need not")
			.isFalse();
	}

}
