package fr.passerelle.telephony;

import fr.passerelle.ticket.HelpRequests;
import fr.passerelle.telephony.simulator.SimulatedCall;
import fr.passerelle.telephony.simulator.SimulatedCalls;
import fr.passerelle.telephony.simulator.TwilioSimulator;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestPhones;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.TicketSource;
import fr.passerelle.ticket.TicketStatus;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.ticket.TimelineEntry;
import fr.passerelle.volunteer.Volunteers;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calling a citizen back, end to end through the simulator: the volunteer's "appeler",
 * their phone ringing from the hotline, the citizen dialled from the hotline, the two put
 * through, and what happened recorded on the ticket and in the call records. Every step
 * is a real, signed webhook.
 */
@IntegrationTest
class CallbackCallIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	HelpRequests requests;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	TicketManagement tickets;

	@Autowired
	TicketQueries ticketQueries;

	@Autowired
	SimulatedCalls simulatedCalls;

	@Autowired
	TwilioSimulator simulator;

	@Autowired
	JdbcClient jdbc;

	StaffClient volunteer;

	long volunteerId;

	String volunteerPhone;

	@BeforeEach
	void volunteerWithARegisteredPhone() {
		this.volunteerId = TestAccounts.open(this.accounts, Role.VOLUNTEER).id();
		this.volunteers.register(this.volunteerId, "35", Set.of("CAF"));
		this.volunteers.qualify(this.volunteerId);
		this.volunteer = new StaffClient(this.port);
		this.volunteer.login(this.accounts.find(this.volunteerId).orElseThrow().email(), TestAccounts.PASSWORD);
		this.volunteerPhone = JsonPath.read(this.volunteer.get("/api/simulator/phone").body(), "$.number");
		assertThat(this.volunteer.putJson("/api/volunteers/me/phone", "{\"phone\":\"" + this.volunteerPhone + "\"}")
			.statusCode()).isEqualTo(200);
	}

	@Test
	void callsTheCitizenWhoAskedOnThePhoneAndPutsThemThrough() {
		StaffClient citizen = new StaffClient(this.port);
		citizen.login(TestAccounts.open(this.accounts, Role.COORDINATOR).email(), TestAccounts.PASSWORD);
		String citizenPhone = JsonPath.read(citizen.get("/api/simulator/phone").body(), "$.number");
		citizen.postJson("/api/simulator/phone/call", "{}");
		keys(citizen, "1");
		keys(citizen, "35000");
		String askingCall = JsonPath.read(keys(citizen, "1").body(), "$.sid");
		long ticketId = this.jdbc.sql("SELECT ticket_id FROM telephony_call WHERE call_sid = ?")
			.param(askingCall)
			.query(Long.class)
			.single();
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.simulator.inbox(citizenPhone)
				.stream()
				.anyMatch((text) -> text.body().startsWith("Passerelle : votre demande")));
		this.tickets.assign(ticketId, this.volunteerId);

		HttpResponse<String> placed = this.volunteer.postJson("/api/tickets/" + ticketId + "/call", "{}");
		assertThat(placed.statusCode()).isEqualTo(200);
		String volunteerCall = JsonPath.read(placed.body(), "$.callSid");
		HttpResponse<String> again = this.volunteer.postJson("/api/tickets/" + ticketId + "/call", "{}");
		assertThat((String) JsonPath.read(again.body(), "$.callSid")).as("a second click gives the same call")
			.isEqualTo(volunteerCall);
		assertThat((Boolean) JsonPath.read(again.body(), "$.placed")).isFalse();

		awaitState(this.volunteer, "RINGING");
		String ringing = this.volunteer.get("/api/simulator/phone").body();
		assertThat((String) JsonPath.read(ringing, "$.call.otherNumber")).as("the volunteer sees the hotline")
			.isEqualTo("+33199001234");
		HttpResponse<String> briefing = this.volunteer.postJson("/api/simulator/phone/call/answer", "{}");
		assertThat(String.join(" ", heard(briefing))).contains("Rappel de la demande", "CAF", "3, 5, 0, 0, 0",
				"tapez 1");
		assertThat(String.join(" ", heard(keys(this.volunteer, "1")))).contains("Nous appelons la personne");

		awaitState(citizen, "RINGING");
		assertThat((String) JsonPath.read(citizen.get("/api/simulator/phone").body(), "$.call.otherNumber"))
			.as("the citizen sees the hotline, never the volunteer's number")
			.isEqualTo("+33199001234")
			.isNotEqualTo(this.volunteerPhone);
		HttpResponse<String> greeted = citizen.postJson("/api/simulator/phone/call/answer", "{}");
		assertThat(String.join(" ", heard(greeted))).contains("ici Passerelle");
		assertThat((String) JsonPath.read(greeted.body(), "$.state")).isEqualTo("BRIDGED");
		awaitState(this.volunteer, "BRIDGED");
		assertThat(this.ticketQueries.status(ticketId)).hasValue(TicketStatus.IN_CALL);

		citizen.postJson("/api/simulator/phone/call/hangup", "{}");

		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.ticketQueries.status(ticketId).orElseThrow() == TicketStatus.ASSIGNED);
		assertThat(this.simulatedCalls.current(this.volunteerPhone).ended()).isTrue();
		assertThat(this.simulatedCalls.current(this.volunteerPhone).heard())
			.anySatisfy((said) -> assertThat(said).contains("Pensez à remplir le compte rendu"));
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(leg(volunteerCall)).containsEntry("leg", "VOLUNTEER")
				.containsEntry("ticket_id", ticketId)
				.containsEntry("outcome", "ANSWERED");
			Map<String, Object> dialled = this.jdbc
				.sql("SELECT leg, ticket_id, volunteer_id, outcome, answered_at FROM telephony_call"
						+ " WHERE parent_call_sid = ?")
				.param(volunteerCall)
				.query()
				.singleRow();
			assertThat(dialled).containsEntry("leg", "CITIZEN")
				.containsEntry("ticket_id", ticketId)
				.containsEntry("volunteer_id", this.volunteerId)
				.containsEntry("outcome", "ANSWERED");
			assertThat(dialled.get("answered_at")).isNotNull();
		});
		assertThat(citizenPhone).isNotEqualTo(this.volunteerPhone);
	}

	@Test
	void aCitizenWhoDoesNotAnswerIsCalledAgainLater() {
		String citizenPhone = PhoneNumber.parse(TestPhones.randomMobile()).e164();
		TicketView ticket = this.tickets
			.open(this.requests.callback(TicketSource.WEB_FORM, "CAF", "35000", citizenPhone, null, Set.of()));
		this.tickets.assign(ticket.id(), this.volunteerId);

		this.volunteer.postJson("/api/tickets/" + ticket.id() + "/call", "{}");
		awaitState(this.volunteer, "RINGING");
		this.volunteer.postJson("/api/simulator/phone/call/answer", "{}");
		keys(this.volunteer, "1");
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.simulatedCalls.current(citizenPhone) != null
					&& this.simulatedCalls.current(citizenPhone).state() == SimulatedCall.State.RINGING);

		this.simulatedCalls.ringOut(citizenPhone);

		TicketView after = this.ticketQueries.find(ticket.id()).orElseThrow();
		assertThat(after.status()).isEqualTo(TicketStatus.SCHEDULED);
		assertThat(after.attempts()).isEqualTo(1);
		assertThat(String.join(" ", this.simulatedCalls.current(this.volunteerPhone).heard()))
			.contains("La personne n'a pas répondu", "Le prochain essai est prévu");
		assertThat(this.simulatedCalls.current(this.volunteerPhone).ended()).isTrue();
	}

	@Test
	void theSameResultDeliveredTwiceCountsOneAttempt() {
		TicketView ticket = this.tickets.open(this.requests.callback(TicketSource.WEB_FORM, "CAF", "35000",
				TestPhones.randomMobile(), null, Set.of()));
		this.tickets.assign(ticket.id(), this.volunteerId);
		TwilioWebhookClient twilio = new TwilioWebhookClient(this.port);
		String path = "/telephony/voice/callback/dialled?ticket=" + ticket.id() + "&volunteer=" + this.volunteerId
				+ "&attempt=1";
		Map<String, String> busy = Map.of("CallSid", "CA" + "b".repeat(32), "DialCallStatus", "busy");

		HttpResponse<String> first = twilio.post(path, busy);
		HttpResponse<String> second = twilio.post(path, busy);

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(VoiceWebhookIntegrationTests.spoken(TwilioWebhookClient.twiml(second)))
			.contains("La personne n'a pas répondu");
		assertThat(this.ticketQueries.find(ticket.id()).orElseThrow().attempts()).isEqualTo(1);
	}

	@Test
	void refusesWithAClearReason() {
		TicketView ticket = this.tickets.open(this.requests.callback(TicketSource.WEB_FORM, "CAF", "35000",
				TestPhones.randomMobile(), null, Set.of()));

		HttpResponse<String> notTaken = this.volunteer.postJson("/api/tickets/" + ticket.id() + "/call", "{}");
		assertThat(notTaken.statusCode()).isEqualTo(404);

		this.tickets.assign(ticket.id(), this.volunteerId);
		this.jdbc.sql("UPDATE volunteer SET phone_cipher = NULL WHERE account_id = ?").param(this.volunteerId).update();
		HttpResponse<String> noPhone = this.volunteer.postJson("/api/tickets/" + ticket.id() + "/call", "{}");
		assertThat(noPhone.statusCode()).isEqualTo(409);
		assertThat((String) JsonPath.read(noPhone.body(), "$.detail")).contains("Enregistrez d'abord le numéro");
		assertThat(this.simulatedCalls.current(this.volunteerPhone)).isNull();
	}

	@Test
	void theVolunteerTextsTheCitizenFromTheHotlineOnce() {
		String citizenPhone = PhoneNumber.parse(TestPhones.randomMobile()).e164();
		TicketView ticket = this.tickets
			.open(this.requests.callback(TicketSource.WEB_FORM, "CAF", "35000", citizenPhone, null, Set.of()));
		String text = "{\"body\":\"Le lien pour votre attestation : https://www.caf.fr/\"}";

		assertThat(this.volunteer.postJson("/api/tickets/" + ticket.id() + "/texts", text).statusCode())
			.as("not held yet")
			.isEqualTo(404);
		this.tickets.assign(ticket.id(), this.volunteerId);
		HttpResponse<String> sent = this.volunteer.postJson("/api/tickets/" + ticket.id() + "/texts", text);
		HttpResponse<String> again = this.volunteer.postJson("/api/tickets/" + ticket.id() + "/texts", text);
		HttpResponse<String> empty = this.volunteer.postJson("/api/tickets/" + ticket.id() + "/texts",
				"{\"body\":\"  \"}");

		assertThat(sent.statusCode()).isEqualTo(201);
		assertThat((String) JsonPath.read(sent.body(), "$.status")).isEqualTo("SENT");
		assertThat(again.statusCode()).isEqualTo(201);
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(this.simulator.inbox(citizenPhone)).filteredOn((received) -> received.body().startsWith("Le lien"))
			.singleElement()
			.satisfies((received) -> {
				assertThat(received.from()).isEqualTo("+33199001234");
				assertThat(received.body()).isEqualTo("Le lien pour votre attestation : https://www.caf.fr/");
			});
		assertThat(this.ticketQueries.timeline(ticket.id())).extracting(TimelineEntry::type)
			.containsOnlyOnce("TEXT_SENT");
	}

	private Map<String, Object> leg(String callSid) {
		return this.jdbc.sql("SELECT leg, ticket_id, outcome FROM telephony_call WHERE call_sid = ?")
			.param(callSid)
			.query()
			.singleRow();
	}

	static void awaitState(StaffClient phone, String state) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.ignoreExceptions()
			.until(() -> state
				.equals(JsonPath.read(phone.get("/api/simulator/phone").body(), "$.call.state").toString()));
	}

	static HttpResponse<String> keys(StaffClient phone, String keys) {
		return phone.postJson("/api/simulator/phone/call/keys", "{\"keys\":\"" + keys + "\"}");
	}

	static List<String> heard(HttpResponse<String> response) {
		return JsonPath.read(response.body(), "$.heard");
	}

}
