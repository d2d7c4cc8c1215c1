package fr.passerelle.telephony;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.ticket.HelpRequests;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestPhones;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.NewAccount;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketSource;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.volunteer.Presence;
import fr.passerelle.volunteer.Volunteers;
import fr.passerelle.volunteer.VolunteerPresence;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static fr.passerelle.telephony.TwilioWebhookClient.call;
import static fr.passerelle.telephony.TwilioWebhookClient.pressed;
import static fr.passerelle.telephony.TwilioWebhookClient.twiml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What could make the hotline text or call strangers, or let one number flood it (issue
 * 13, finding 7): every action that sends a text or opens a request has a limit, and the
 * blocklist coordinators manage silences a number everywhere. Requests are in the Cher
 * (18), in the Centre-Val de Loire (24).
 */
@IntegrationTest
class AbuseIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	HelpRequests requests;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	VolunteerPresence volunteerPresence;

	@Autowired
	TicketManagement tickets;

	@Test
	void aVolunteerCannotTextOneCitizenWithoutEnd() {
		StaffAccount volunteer = volunteer();
		StaffClient app = signIn(volunteer);
		TicketView ticket = callback(TestPhones.randomMobile());
		this.tickets.assign(ticket.id(), volunteer.id());

		int sent = 0;
		HttpResponse<String> last = null;
		for (int i = 0; i < 8; i++) {
			last = app.postJson("/api/tickets/" + ticket.id() + "/texts",
					"{\"body\":\"Message numéro %d : https://www.caf.fr/\"}".formatted(i));
			if (last.statusCode() != 201) {
				break;
			}
			sent++;
		}

		assertThat(sent).as("five texts an hour to one number").isEqualTo(5);
		assertThat(last.statusCode()).isEqualTo(429);
		assertThat((String) JsonPath.read(last.body(), "$.code")).isEqualTo("limits.exceeded");
	}

	@Test
	void answersOneNumbersTextsOnceAnHour() {
		TwilioWebhookClient twilio = new TwilioWebhookClient(this.port);
		String from = PhoneNumber.parse(TestPhones.randomMobile()).e164();

		int replies = 0;
		for (int i = 0; i < 4; i++) {
			HttpResponse<String> answer = twilio.postDelivery("/telephony/sms/incoming", text(from),
					"token-" + UUID.randomUUID());
			replies += VoiceWebhookIntegrationTests.verbs(twiml(answer)).contains("Message") ? 1 : 0;
		}

		assertThat(replies).isEqualTo(1);
	}

	@Test
	void oneNumberCannotFloodTheQueueFromThePhoneMenu() {
		TwilioWebhookClient twilio = new TwilioWebhookClient(this.port);
		String from = PhoneNumber.parse(TestPhones.randomMobile()).e164();
		String[] topics = { "CAF", "HEALTH", "TAXES", "EMPLOYMENT", "IDENTITY", "RETIREMENT" };

		String lastSpoken = "";
		int recorded = 0;
		for (String topic : topics) {
			Map<String, String> call = call("CA" + UUID.randomUUID().toString().replace("-", ""), from);
			twilio.post("/telephony/voice/incoming", call);
			lastSpoken = VoiceWebhookIntegrationTests.spoken(twiml(twilio
				.post("/telephony/voice/confirm?topic=" + topic + "&postcode=18000&silences=0", pressed(call, "1"))));
			recorded += lastSpoken.contains("Votre demande de rappel est enregistrée") ? 1 : 0;
		}

		assertThat(recorded).as("five requests an hour from one number").isEqualTo(5);
		assertThat(lastSpoken).contains("Vous avez déjà fait plusieurs demandes aujourd'hui");
	}

	@Test
	void aBlockedNumberIsHeardPolitelyButGetsNothing() {
		String phone = TestPhones.randomMobile();
		String e164 = PhoneNumber.parse(phone).e164();
		TicketView ticket = callback(phone);
		StaffClient coordinator = signIn(coordinatorOf("24"));

		assertThat(signIn(volunteer()).postJson("/api/tickets/" + ticket.id() + "/block", "{\"reason\":\"x\"}")
			.statusCode()).as("volunteers do not block").isEqualTo(403);
		assertThat(signIn(coordinatorOf("53"))
			.postJson("/api/tickets/" + ticket.id() + "/block", "{\"reason\":\"Insultes\"}")
			.statusCode()).as("a coordinator of another région does not see the request").isEqualTo(404);
		assertThat(coordinator.postJson("/api/tickets/" + ticket.id() + "/block", "{\"reason\":\" \"}").statusCode())
			.isEqualTo(400);
		HttpResponse<String> blocked = coordinator.postJson("/api/tickets/" + ticket.id() + "/block",
				"{\"reason\":\"Insultes répétées\"}");
		HttpResponse<String> again = coordinator.postJson("/api/tickets/" + ticket.id() + "/block",
				"{\"reason\":\"Encore\"}");

		assertThat(blocked.statusCode()).isEqualTo(201);
		assertThat((String) JsonPath.read(again.body(), "$.reason")).isEqualTo("Insultes répétées");
		String list = coordinator.get("/api/blocked-numbers").body();
		assertThat(list).contains(ticket.maskedPhone()).doesNotContain(e164).doesNotContain(phone);

		TwilioWebhookClient twilio = new TwilioWebhookClient(this.port);
		Map<String, String> call = call("CA" + UUID.randomUUID().toString().replace("-", ""), e164);
		assertThat(VoiceWebhookIntegrationTests.spoken(twiml(twilio.post("/telephony/voice/incoming", call))))
			.contains("Nous ne pouvons pas donner suite aux appels de ce numéro");
		assertThat(VoiceWebhookIntegrationTests
			.verbs(twiml(twilio.postDelivery("/telephony/sms/incoming", text(e164), "token-" + UUID.randomUUID()))))
			.isEmpty();
		StaffClient citizen = new StaffClient(this.port);
		String form = "phone=" + java.net.URLEncoder.encode(phone, java.nio.charset.StandardCharsets.UTF_8)
				+ "&topic=TAXES&postcode=18000&consent=true&website=";
		HttpResponse<String> web = citizen.send(citizen.request("/rappel")
			.setHeader("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)));
		assertThat(web.statusCode()).isEqualTo(400);
		assertThat(web.body()).contains("Nous ne pouvons pas enregistrer de demande pour ce numéro");

		long id = ((Number) JsonPath.read(blocked.body(), "$.id")).longValue();
		assertThat(coordinator.send(coordinator.withCsrf(coordinator.request("/api/blocked-numbers/" + id)).DELETE())
			.statusCode()).isEqualTo(204);
		assertThat(VoiceWebhookIntegrationTests.spoken(twiml(twilio.post("/telephony/voice/incoming",
				call("CA" + UUID.randomUUID().toString().replace("-", ""), e164)))))
			.doesNotContain("Nous ne pouvons pas donner suite");
	}

	private static Map<String, String> text(String from) {
		Map<String, String> text = new LinkedHashMap<>();
		text.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
		text.put("From", from);
		text.put("To", "+33199001234");
		text.put("Body", "Bonjour");
		return text;
	}

	private TicketView callback(String phone) {
		return this.tickets.open(this.requests.callback(TicketSource.WEB_FORM, "CAF", "18000", phone, null, Set.of()));
	}

	private StaffAccount volunteer() {
		StaffAccount account = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		this.volunteers.register(account.id(), "18", Set.of("CAF"));
		this.volunteers.qualify(account.id());
		this.volunteerPresence.choosePresence(account.id(), Presence.PAUSED);
		return account;
	}

	private StaffAccount coordinatorOf(String region) {
		return TestAccounts.open(this.accounts,
				NewAccount
					.of(TestAccounts.uniqueEmail(Role.COORDINATOR), "Coordination " + region, Role.COORDINATOR,
							TestAccounts.PASSWORD)
					.inRegion(region));
	}

	private StaffClient signIn(StaffAccount account) {
		StaffClient app = new StaffClient(this.port);
		assertThat(app.login(account.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
		return app;
	}

}
