package fr.passerelle.telephony.texts;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.NewAccount;
import fr.passerelle.account.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * National coordinators and administrators change the wording of the texts; the next text
 * uses it.
 */
@IntegrationTest
class SmsTemplatesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	SmsTemplates templates;

	@Autowired
	JdbcClient jdbc;

	String original;

	@BeforeEach
	void remember() {
		this.original = this.jdbc.sql("SELECT body_fr FROM sms_template WHERE code = 'INBOUND_REPLY'")
			.query(String.class)
			.single();
	}

	@AfterEach
	void restore() {
		this.jdbc.sql("UPDATE sms_template SET body_fr = ? WHERE code = 'INBOUND_REPLY'").param(this.original).update();
	}

	@Test
	void letsANationalCoordinatorChangeATextThatIsUsedAtOnce() {
		StaffClient coordinator = signedIn(TestAccounts.open(this.accounts, Role.COORDINATOR).email());

		HttpResponse<String> list = coordinator.get("/api/sms-templates");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(list.body(), "$[*].code")).containsExactly("CALLBACK_CONFIRMATION",
				"INBOUND_REPLY", "TUTORIAL_LINK", "UNREACHABLE");
		assertThat((List<String>) JsonPath.read(list.body(), "$[0].placeholders")).containsExactly("hotline", "link",
				"reference", "when");

		HttpResponse<String> updated = coordinator.putJson("/api/sms-templates/INBOUND_REPLY",
				"{\"body\":\"  Passerelle : appelez le {hotline}, du lundi au vendredi.  \"}");

		assertThat(updated.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(updated.body(), "$.body"))
			.isEqualTo("Passerelle : appelez le {hotline}, du lundi au vendredi.");
		assertThat(this.templates.render(SmsTemplates.INBOUND_REPLY, Map.of("hotline", "01 99 00 12 34")))
			.isEqualTo("Passerelle : appelez le 01 99 00 12 34, du lundi au vendredi.");
	}

	@Test
	void refusesPlaceholdersATemplateDoesNotKnowAndEmptyOrHugeTexts() {
		StaffClient admin = signedIn(TestAccounts.open(this.accounts, Role.ADMIN).email());

		HttpResponse<String> unknownPlaceholder = admin.putJson("/api/sms-templates/INBOUND_REPLY",
				"{\"body\":\"Votre demande {reference}\"}");
		assertThat(unknownPlaceholder.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(unknownPlaceholder.body(), "$.detail"))
			.isEqualTo("« {reference} » ne peut pas figurer dans ce SMS. Ce modèle peut utiliser : {hotline}.");
		assertThat((String) JsonPath.read(unknownPlaceholder.body(), "$.fields[0].field")).isEqualTo("body");
		assertThat((String) JsonPath.read(unknownPlaceholder.body(), "$.fields[0].message")).contains("{reference}");
		assertThat(admin.putJson("/api/sms-templates/INBOUND_REPLY", "{\"body\":\"   \"}").statusCode()).isEqualTo(400);
		assertThat(admin.putJson("/api/sms-templates/INBOUND_REPLY", "{\"body\":\"" + "x".repeat(641) + "\"}")
			.statusCode()).isEqualTo(400);
		assertThat(admin.putJson("/api/sms-templates/NOPE", "{\"body\":\"x\"}").statusCode()).isEqualTo(404);
		assertThat(this.jdbc.sql("SELECT body_fr FROM sms_template WHERE code = 'INBOUND_REPLY'")
			.query(String.class)
			.single()).isEqualTo(this.original);
	}

	@Test
	void keepsTheTextsAwayFromVolunteersAndRegionalCoordinators() {
		StaffClient volunteer = signedIn(TestAccounts.open(this.accounts, Role.VOLUNTEER).email());
		String regional = TestAccounts.uniqueEmail(Role.COORDINATOR);
		TestAccounts.open(this.accounts, new NewAccount(regional, "Coordination Bretagne", Role.COORDINATOR, "53",
				TestAccounts.PASSWORD, false));
		StaffClient coordinator = signedIn(regional);

		assertThat(volunteer.get("/api/sms-templates").statusCode()).isEqualTo(403);
		assertThat(coordinator.putJson("/api/sms-templates/INBOUND_REPLY", "{\"body\":\"x\"}").statusCode())
			.isEqualTo(403);
		assertThat(new StaffClient(this.port).get("/api/sms-templates").statusCode()).isEqualTo(401);
	}

	private StaffClient signedIn(String email) {
		StaffClient client = new StaffClient(this.port);
		client.login(email, TestAccounts.PASSWORD);
		return client;
	}

}
