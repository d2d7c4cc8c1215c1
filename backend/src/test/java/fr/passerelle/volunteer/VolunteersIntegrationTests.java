package fr.passerelle.volunteer;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.platform.RejectedRequest;
import fr.passerelle.privacy.PhoneNumber;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@IntegrationTest
class VolunteersIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Volunteers volunteers;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void registersAVolunteerAndReadsThemBack() {
		StaffAccount account = TestAccounts.open(this.accounts, Role.VOLUNTEER);

		this.volunteers.register(account.id(), "2A", Set.of("CAF", "HEALTH"));

		assertThat(this.volunteers.find(account.id()))
			.hasValue(new VolunteerProfile(account.id(), "2A", Set.of("CAF", "HEALTH")));
	}

	@Test
	void registeringAgainReplacesTheProfileWithoutDuplicates() {
		StaffAccount account = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		this.volunteers.register(account.id(), "35", Set.of("CAF", "HEALTH"));

		this.volunteers.register(account.id(), "29", Set.of("HEALTH", "TAXES"));
		this.volunteers.register(account.id(), "29", Set.of("HEALTH", "TAXES"));

		assertThat(this.volunteers.find(account.id()))
			.hasValue(new VolunteerProfile(account.id(), "29", Set.of("HEALTH", "TAXES")));
	}

	@Test
	void refusesUnknownDepartementsThemesAndNonVolunteers() {
		StaffAccount volunteer = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		StaffAccount coordinator = TestAccounts.open(this.accounts, Role.COORDINATOR);

		assertRejected(() -> this.volunteers.register(volunteer.id(), "20", Set.of("CAF")),
				"volunteer.departement.unknown");
		assertRejected(() -> this.volunteers.register(volunteer.id(), "75", Set.of("ASTROLOGY")),
				"volunteer.skill.unknown");
		assertRejected(() -> this.volunteers.register(coordinator.id(), "75", Set.of("CAF")),
				"volunteer.account.invalid");
		assertThat(this.volunteers.find(volunteer.id())).isEmpty();
	}

	@Test
	void showsAVolunteerTheirOwnProfileWithNames() {
		StaffAccount account = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		this.volunteers.register(account.id(), "974", Set.of("TAXES", "CAF"));
		this.volunteers.configureRouting(account.id(), Set.of("fr", "rcf"), 2, Set.of("974"), Set.of("04"), true);
		StaffClient app = new StaffClient(this.port);
		app.login(account.email(), TestAccounts.PASSWORD);

		HttpResponse<String> response = app.get("/api/volunteers/me");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(response.body(), "$.departementName")).isEqualTo("La Réunion");
		assertThat((List<String>) JsonPath.read(response.body(), "$.skills"))
			.containsExactly("CAF & prestations sociales", "Impôts");
		assertThat((List<String>) JsonPath.read(response.body(), "$.languages")).containsExactly("fr", "rcf");
		assertThat((Integer) JsonPath.read(response.body(), "$.capacity")).isEqualTo(2);
		assertThat((List<String>) JsonPath.read(response.body(), "$.served")).containsExactly("La Réunion (974)",
				"La Réunion");
		assertThat((Boolean) JsonPath.read(response.body(), "$.servesNationally")).isTrue();
	}

	@Test
	void keepsTheVolunteersPhoneEncryptedAndShowsItMasked() {
		StaffAccount account = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		this.volunteers.register(account.id(), "35", Set.of("CAF"));
		StaffClient app = new StaffClient(this.port);
		app.login(account.email(), TestAccounts.PASSWORD);
		assertThat((Object) JsonPath.read(app.get("/api/volunteers/me").body(), "$.maskedPhone")).isNull();

		HttpResponse<String> registered = app.putJson("/api/volunteers/me/phone", "{\"phone\":\"06 12 34 56 78\"}");
		HttpResponse<String> again = app.putJson("/api/volunteers/me/phone", "{\"phone\":\"+33612345678\"}");

		assertThat(registered.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(registered.body(), "$.phone")).isEqualTo("06 •• •• •• 78");
		assertThat(again.body()).isEqualTo(registered.body());
		assertThat((String) JsonPath.read(app.get("/api/volunteers/me").body(), "$.maskedPhone"))
			.isEqualTo("06 •• •• •• 78");
		assertThat(this.volunteers.phoneToRing(account.id())).map(PhoneNumber::e164).hasValue("+33612345678");
		byte[] stored = this.jdbc.sql("SELECT phone_cipher FROM volunteer WHERE account_id = ?")
			.param(account.id())
			.query(byte[].class)
			.single();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("612345678");

		HttpResponse<String> foreign = app.putJson("/api/volunteers/me/phone", "{\"phone\":\"+14155550100\"}");
		assertThat(foreign.statusCode()).isEqualTo(400);
		assertThat(app.putJson("/api/volunteers/me/phone", "{\"phone\":\"\"}").statusCode()).isEqualTo(400);
		assertThat(this.volunteers.phoneToRing(account.id())).map(PhoneNumber::e164).hasValue("+33612345678");
	}

	@Test
	void tellsACoordinatorTheyHaveNoVolunteerProfile() {
		StaffClient app = new StaffClient(this.port);
		app.login(TestAccounts.open(this.accounts, Role.COORDINATOR).email(), TestAccounts.PASSWORD);

		HttpResponse<String> response = app.get("/api/volunteers/me");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat((String) JsonPath.read(response.body(), "$.detail"))
			.isEqualTo("Ce compte n'a pas de profil de bénévole.");
	}

	private static void assertRejected(Runnable action, String code) {
		assertThatExceptionOfType(RejectedRequest.class).isThrownBy(action::run)
			.satisfies((ex) -> assertThat(ex.messageCode()).isEqualTo(code));
	}

}
