package fr.passerelle.telephony;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestPhones;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static fr.passerelle.telephony.TwilioWebhookClient.call;
import static fr.passerelle.telephony.TwilioWebhookClient.twiml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A closure announced today from the staff app (issue 15): the phone line says so with
 * its message and offers a callback, and the citizen site's home page shows it; once it
 * is removed, both are back to the usual.
 */
@IntegrationTest
class ClosureAnnouncementIntegrationTests {

	private static final String MESSAGE = "La permanence est fermée aujourd'hui pour cause de neige.";

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	private StaffClient national;

	@AfterEach
	void reopen() {
		for (Integer id : JsonPath.<List<Integer>>read(this.national.get("/api/settings/calendar").body(),
				"$.exceptions[*].id")) {
			this.national.delete("/api/settings/calendar/exceptions/" + id + "?version=" + version());
		}
	}

	@Test
	void theLineAndTheHomePageSayTheDesksClosedToday() {
		this.national = TestAccounts.signedIn(this.accounts, Role.COORDINATOR, this.port);
		TwilioWebhookClient twilio = new TwilioWebhookClient(this.port);
		assertThat(spoken(twilio)).doesNotContain(MESSAGE);

		HttpResponse<String> closed = this.national.postJson("/api/settings/calendar/exceptions",
				"{\"kind\":\"CLOSED\",\"firstDay\":\"2027-03-01\",\"message\":\"%s\",\"version\":%d}".formatted(MESSAGE,
						version()));
		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);

		assertThat(spoken(twilio)).contains(MESSAGE,
				"Nous sommes fermés en ce moment, mais nous pouvons vous rappeler.");
		String home = new StaffClient(this.port).get("/").body();
		assertThat(home).contains("Fermé exceptionnellement le lundi 1 mars 2027.", "pour cause de neige",
				"Fermé en ce moment.");

		this.national.delete("/api/settings/calendar/exceptions/"
				+ JsonPath.<List<Integer>>read(closed.body(), "$.exceptions[*].id").get(0) + "?version=" + version());
		assertThat(spoken(twilio)).doesNotContain(MESSAGE);
		assertThat(new StaffClient(this.port).get("/").body()).doesNotContain("Fermé exceptionnellement")
			.contains("Ouvert en ce moment.");
	}

	private int version() {
		return JsonPath.read(this.national.get("/api/settings/calendar").body(), "$.version");
	}

	private static String spoken(TwilioWebhookClient twilio) {
		String from = "+33" + TestPhones.randomMobile().replace(" ", "").substring(1);
		return twiml(twilio.post("/telephony/voice/incoming",
				call("CA" + UUID.randomUUID().toString().replace("-", ""), from)))
			.getDocumentElement()
			.getTextContent();
	}

}
