package fr.passerelle.account;

import java.net.http.HttpResponse;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PasswordChangeIntegrationTests {

	private static final String NEW_PASSWORD = "une nouvelle phrase de passe";

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Test
	void changesThePasswordKeepsThisSessionAndEndsTheOthers() {
		StaffAccount coordinator = TestAccounts.open(this.accounts, Role.COORDINATOR);
		StaffClient laptop = new StaffClient(this.port);
		StaffClient phone = new StaffClient(this.port);
		laptop.login(coordinator.email(), TestAccounts.PASSWORD);
		phone.login(coordinator.email(), TestAccounts.PASSWORD);

		HttpResponse<String> change = laptop.putJson("/api/account/password",
				json(TestAccounts.PASSWORD, NEW_PASSWORD));

		assertThat(change.statusCode()).isEqualTo(204);
		assertThat(laptop.get("/api/auth/me").statusCode()).isEqualTo(200);
		assertThat(phone.get("/api/auth/me").statusCode()).isEqualTo(401);
		assertThat(new StaffClient(this.port).login(coordinator.email(), TestAccounts.PASSWORD).statusCode())
			.isEqualTo(401);
		assertThat(new StaffClient(this.port).login(coordinator.email(), NEW_PASSWORD).statusCode()).isEqualTo(200);
	}

	@Test
	void refusesAWrongCurrentPassword() {
		StaffClient app = signedInVolunteer();

		HttpResponse<String> change = app.putJson("/api/account/password", json("not my password", NEW_PASSWORD));

		assertThat(change.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(change.body(), "$.detail"))
			.isEqualTo("Le mot de passe actuel est incorrect.");
	}

	@Test
	void refusesAShortPasswordAndSaysHowLongItMustBe() {
		StaffClient app = signedInVolunteer();

		HttpResponse<String> change = app.putJson("/api/account/password", json(TestAccounts.PASSWORD, "court"));

		assertThat(change.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(change.body(), "$.detail"))
			.isEqualTo("Le mot de passe doit contenir au moins 12 caractères.");
	}

	@Test
	void refusesAnEmptyFieldWithItsName() {
		StaffClient app = signedInVolunteer();

		HttpResponse<String> change = app.putJson("/api/account/password", "{\"currentPassword\":\"\"}");

		assertThat(change.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(change.body(), "$.detail"))
			.isEqualTo("Certains champs ne sont pas remplis correctement.");
		assertThat((java.util.List<String>) JsonPath.read(change.body(), "$.fields[*].field"))
			.containsExactlyInAnyOrder("currentPassword", "newPassword");
		assertThat((java.util.List<String>) JsonPath.read(change.body(), "$.fields[*].message"))
			.containsOnly("Ce champ est obligatoire.");
	}

	@Test
	void refusesABodyThatIsNotJsonWithoutAnInternalError() {
		StaffClient app = signedInVolunteer();

		HttpResponse<String> change = app.putJson("/api/account/password", "{not json");

		assertThat(change.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(change.body(), "$.detail"))
			.isEqualTo("La requête est mal formée ou incomplète.");
	}

	@Test
	void holdsAnAccountWhosePasswordMustChangeUntilItIsChanged() {
		String email = TestAccounts.uniqueEmail(Role.ADMIN);
		TestAccounts.open(this.accounts,
				new NewAccount(email, "Nouvelle administratrice", Role.ADMIN, null, TestAccounts.PASSWORD, true));
		StaffClient app = new StaffClient(this.port);
		HttpResponse<String> login = app.login(email, TestAccounts.PASSWORD);
		assertThat((Boolean) JsonPath.read(login.body(), "$.passwordChangeRequired")).isTrue();

		HttpResponse<String> held = app.get("/api/console");
		assertThat(held.statusCode()).isEqualTo(403);
		assertThat((String) JsonPath.read(held.body(), "$.detail"))
			.isEqualTo("Vous devez d'abord changer votre mot de passe.");

		assertThat(app.putJson("/api/account/password", json(TestAccounts.PASSWORD, NEW_PASSWORD)).statusCode())
			.isEqualTo(204);
		assertThat(app.get("/api/console").statusCode()).isEqualTo(200);
		assertThat((Boolean) JsonPath.read(app.get("/api/auth/me").body(), "$.passwordChangeRequired")).isFalse();
	}

	private StaffClient signedInVolunteer() {
		StaffAccount volunteer = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		StaffClient app = new StaffClient(this.port);
		app.login(volunteer.email(), TestAccounts.PASSWORD);
		return app;
	}

	private static String json(String current, String next) {
		return "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}";
	}

}
