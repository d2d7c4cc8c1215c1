package fr.passerelle.volunteer;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestMailbox;
import fr.passerelle.TestPhones;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.NewAccount;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From sign-up to the first "Disponible", over real HTTP: the public sign-up, a
 * coordinator's approval, the charter, and two practice calls placed through the
 * simulator's training phone. Sign-ups here come from the Territoire de Belfort (90,
 * région 27), which no other test uses.
 */
@IntegrationTest
class OnboardingIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	GreenMail mail;

	@Test
	void aNewVolunteerSignsUpIsApprovedTrainsAndGoesAvailable() throws Exception {
		String email = "nouvelle-" + UUID.randomUUID() + "@passerelle.test";
		StaffClient visitor = new StaffClient(this.port);
		visitor.ensureCsrfCookie();
		assertThat(visitor.get("/api/topics").statusCode()).isEqualTo(200);
		assertThat(visitor.get("/api/territory/departements").statusCode()).isEqualTo(200);
		HttpResponse<String> signedUp = visitor.postJson("/api/sign-up", signUp(email));
		assertThat(signedUp.statusCode()).as(signedUp.body()).isEqualTo(202);
		long id = this.accounts.findByEmail(email).orElseThrow().id();

		// nobody signs in before the address is confirmed
		StaffClient volunteer = new StaffClient(this.port);
		assertThat(volunteer.login(email, TestAccounts.PASSWORD).statusCode()).isEqualTo(401);
		MimeMessage confirmation = TestMailbox.to(this.mail, email, 1).get(0);
		assertThat(confirmation.getSubject()).isEqualTo("Passerelle : confirmez votre adresse e-mail");
		String token = link(confirmation, "confirmer-adresse");
		assertThat(visitor.postJson("/api/sign-up/confirm", "{\"token\":\"" + token + "\"}").statusCode())
			.isEqualTo(204);
		assertThat(visitor.postJson("/api/sign-up/confirm", "{\"token\":\"" + token + "\"}").statusCode())
			.as("a link works once")
			.isEqualTo(400);
		assertThat(volunteer.login(email, TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
		assertThat(training(volunteer)).contains("\"approvedAt\":null", "\"practiceCalls\":0", "\"trainedAt\":null");
		assertThat(volunteer.get("/api/volunteers/me").body()).contains("06 ");
		assertThat(volunteer.get("/api/auth/me").body()).contains("\"approved\":false");
		// until approved, the account reaches its onboarding only (finding 1 of the
		// security review)
		HttpResponse<String> tooEarly = volunteer.putJson("/api/volunteers/me/presence", "{\"status\":\"AVAILABLE\"}");
		assertThat(tooEarly.statusCode()).isEqualTo(403);
		assertThat(tooEarly.body()).contains("Votre inscription doit d'abord être validée");
		assertThat(volunteer.get("/api/tickets").statusCode()).isEqualTo(403);
		assertThat(volunteer.get("/api/console").statusCode()).isEqualTo(403);
		assertThat(volunteer.get("/api/tutorials?topic=CAF").statusCode()).isEqualTo(403);
		assertThat(volunteer.postJson("/api/tickets", "{\"followUpOf\":1,\"topic\":\"CAF\",\"postcode\":\"75011\"}")
			.statusCode()).isEqualTo(403);
		assertThat(volunteer.postJson("/api/tutorials/editor/images", "{}").statusCode()).isEqualTo(403);

		// a coordinator of another région neither sees nor approves the sign-up
		StaffClient elsewhere = coordinator("84");
		assertThat(elsewhere.get("/api/volunteer-applications").body()).doesNotContain(email);
		assertThat(elsewhere.postJson("/api/volunteer-applications/" + id + "/approve", "{}").statusCode())
			.isEqualTo(404);
		// nor does a volunteer
		assertThat(volunteer.get("/api/volunteer-applications").statusCode()).isEqualTo(403);

		StaffClient coordinator = coordinator("27");
		HttpResponse<String> pending = coordinator.get("/api/volunteer-applications");
		assertThat(pending.body()).contains(email, "Mardi et jeudi après-midi", "\"departement\":\"90\"");
		assertThat(coordinator.postJson("/api/volunteer-applications/" + id + "/approve", "{}").statusCode())
			.isEqualTo(200);
		assertThat(coordinator.postJson("/api/volunteer-applications/" + id + "/approve", "{}").statusCode())
			.as("approving again changes nothing")
			.isEqualTo(200);
		assertThat(coordinator.get("/api/volunteer-applications").body()).doesNotContain(email);
		// the approval takes effect in the session already open
		assertThat(volunteer.get("/api/tickets").statusCode()).isEqualTo(200);
		assertThat(volunteer.get("/api/auth/me").body()).contains("\"approved\":true");

		assertThat(volunteer.postJson("/api/volunteers/me/charter", "{}").body())
			.doesNotContain("\"charterAcceptedAt\":null");
		practiceCall(volunteer, "90000");
		assertThat(training(volunteer)).contains("\"practiceCalls\":1", "\"trainedAt\":null");
		// hanging up in the menu is not a practice call
		volunteer.postJson("/api/simulator/phone/call", "{}");
		volunteer.postJson("/api/simulator/phone/call/hangup", "{}");
		assertThat(training(volunteer)).contains("\"practiceCalls\":1");
		practiceCall(volunteer, "90000");
		assertThat(training(volunteer)).contains("\"practiceCalls\":2").doesNotContain("\"trainedAt\":null");

		assertThat(volunteer.putJson("/api/volunteers/me/presence", "{\"status\":\"AVAILABLE\"}").statusCode())
			.isEqualTo(200);
	}

	@Test
	void refusesAnIncompleteSignUpAndRecordsNothing() {
		StaffClient visitor = new StaffClient(this.port).speaking("en");
		visitor.ensureCsrfCookie();
		String email = "incomplete-" + UUID.randomUUID() + "@passerelle.test";

		HttpResponse<String> noTheme = visitor.postJson("/api/sign-up",
				signUp(email).replace("\"skills\":[\"CAF\"]", "\"skills\":[]"));
		assertThat(noTheme.statusCode()).isEqualTo(400);
		HttpResponse<String> badDepartement = visitor.postJson("/api/sign-up",
				signUp(email).replace("\"departement\":\"90\"", "\"departement\":\"99\""));
		assertThat(badDepartement.statusCode()).isEqualTo(400);
		assertThat(badDepartement.body()).contains("does not exist");
		HttpResponse<String> badPhone = visitor.postJson("/api/sign-up",
				signUp(email).replaceFirst("\"phone\":\"[^\"]*\"", "\"phone\":\"12\""));
		HttpResponse<String> weakPassword = visitor.postJson("/api/sign-up",
				signUp(email).replaceFirst("\"password\":\"[^\"]*\"", "\"password\":\"aaaaaaaaaaaaaaaa\""));
		// each refusal names the field it is about, for the screen to show it beside it
		assertThat((List<String>) JsonPath.read(noTheme.body(), "$.fields[*].field")).containsExactly("skills");
		assertThat((List<String>) JsonPath.read(badDepartement.body(), "$.fields[*].field"))
			.containsExactly("departement");
		assertThat(badPhone.statusCode()).isEqualTo(400);
		assertThat((List<String>) JsonPath.read(badPhone.body(), "$.fields[*].field")).containsExactly("phone");
		assertThat(weakPassword.statusCode()).isEqualTo(400);
		assertThat((List<String>) JsonPath.read(weakPassword.body(), "$.fields[*].field")).containsExactly("password");
		assertThat(this.accounts.findByEmail(email)).as("nothing recorded").isEmpty();
	}

	@Test
	void aSignUpWithAnAddressThatHasAnAccountIsAnsweredTheSameAndTheOwnerToldByEMail() throws Exception {
		StaffClient visitor = new StaffClient(this.port);
		visitor.ensureCsrfCookie();
		StaffAccount owner = TestAccounts.open(this.accounts, Role.COORDINATOR);
		String fresh = "nouvelle-" + UUID.randomUUID() + "@passerelle.test";

		HttpResponse<String> forFresh = visitor.postJson("/api/sign-up", signUp(fresh));
		HttpResponse<String> forTaken = visitor.postJson("/api/sign-up", signUp(owner.email()));

		assertThat(forTaken.statusCode()).isEqualTo(forFresh.statusCode()).isEqualTo(202);
		assertThat(forTaken.body()).isEqualTo(forFresh.body());
		assertThat(forTaken.headers().map().keySet()).isEqualTo(forFresh.headers().map().keySet());
		MimeMessage told = TestMailbox.to(this.mail, owner.email(), 1).get(0);
		assertThat(told.getSubject()).isEqualTo("Passerelle : vous avez déjà un compte");
		assertThat((String) told.getContent()).contains("https://passerelle.example/app/mot-de-passe-oublie");
		assertThat(this.accounts.findByEmail(owner.email()).orElseThrow().role()).as("the account is unchanged")
			.isEqualTo(Role.COORDINATOR);
		assertThat(new StaffClient(this.port).login(owner.email(), TestAccounts.PASSWORD).statusCode())
			.as("the owner's password is unchanged")
			.isEqualTo(200);

		// a mistake in the rest of the sign-up is answered as for a new address
		HttpResponse<String> badDepartementTaken = visitor.postJson("/api/sign-up",
				signUp(owner.email()).replace("\"departement\":\"90\"", "\"departement\":\"99\""));
		HttpResponse<String> badDepartementFresh = visitor.postJson("/api/sign-up",
				signUp("autre-" + fresh).replace("\"departement\":\"90\"", "\"departement\":\"99\""));
		assertThat(badDepartementTaken.statusCode()).isEqualTo(badDepartementFresh.statusCode()).isEqualTo(400);
		assertThat(badDepartementTaken.body()).isEqualTo(badDepartementFresh.body());
	}

	@Test
	void aSignUpNeverConfirmedGetsANewLinkWhenTheAddressSignsUpAgain() throws Exception {
		StaffClient visitor = new StaffClient(this.port);
		visitor.ensureCsrfCookie();
		String email = "oublieuse-" + UUID.randomUUID() + "@passerelle.test";
		assertThat(visitor.postJson("/api/sign-up", signUp(email)).statusCode()).isEqualTo(202);
		String first = link(TestMailbox.to(this.mail, email, 1).get(0), "confirmer-adresse");

		assertThat(visitor.postJson("/api/sign-up", signUp(email)).statusCode()).isEqualTo(202);

		MimeMessage again = TestMailbox.to(this.mail, email, 2).get(1);
		assertThat(again.getSubject()).isEqualTo("Passerelle : confirmez votre adresse e-mail");
		String second = link(again, "confirmer-adresse");
		assertThat(visitor.postJson("/api/sign-up/confirm", "{\"token\":\"" + first + "\"}").statusCode())
			.as("replaced")
			.isEqualTo(400);
		assertThat(visitor.postJson("/api/sign-up/confirm", "{\"token\":\"" + second + "\"}").statusCode())
			.isEqualTo(204);
		assertThat(new StaffClient(this.port).login(email, TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
	}

	private static String link(MimeMessage mail, String page) throws Exception {
		Matcher link = Pattern.compile("https://passerelle\\.example/app/" + page + "#([A-Za-z0-9_-]{43})")
			.matcher((String) mail.getContent());
		assertThat(link.find()).as("the link in the e-mail").isTrue();
		return link.group(1);
	}

	private String signUp(String email) {
		return """
				{"displayName":"Nouvelle Bénévole","email":"%s","password":"%s","phone":"%s","departement":"90",
				 "skills":["CAF"],"languages":["fr","en"],"availability":"Mardi et jeudi après-midi"}"""
			.formatted(email, TestAccounts.PASSWORD, TestPhones.randomMobile());
	}

	private StaffClient coordinator(String region) {
		String email = TestAccounts.uniqueEmail(Role.COORDINATOR);
		TestAccounts.open(this.accounts,
				NewAccount.of(email, "Coordination " + region, Role.COORDINATOR, TestAccounts.PASSWORD)
					.inRegion(region));
		StaffClient client = new StaffClient(this.port);
		client.login(email, TestAccounts.PASSWORD);
		return client;
	}

	private static String training(StaffClient volunteer) {
		return volunteer.get("/api/volunteers/me/training").body();
	}

	/** Calls the hotline from the training phone and goes through the whole menu. */
	private static void practiceCall(StaffClient volunteer, String postcode) {
		volunteer.postJson("/api/simulator/phone/call", "{}");
		volunteer.postJson("/api/simulator/phone/call/keys", "{\"keys\":\"1\"}");
		volunteer.postJson("/api/simulator/phone/call/keys", "{\"keys\":\"" + postcode + "\"}");
		HttpResponse<String> recorded = volunteer.postJson("/api/simulator/phone/call/keys", "{\"keys\":\"1\"}");
		assertThat((Boolean) JsonPath.read(recorded.body(), "$.ended")).as(recorded.body()).isTrue();
		assertThat((List<?>) JsonPath.read(recorded.body(), "$.transcript")).isNotEmpty();
	}

}
