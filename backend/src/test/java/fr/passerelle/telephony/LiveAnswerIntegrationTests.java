package fr.passerelle.telephony;

import fr.passerelle.ticket.HelpRequests;
import fr.passerelle.telephony.simulator.SimulatedCalls;
import fr.passerelle.telephony.simulator.TwilioSimulator;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestPhones;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.routing.Routing;
import fr.passerelle.ticket.HelpRequest;
import fr.passerelle.ticket.TicketKind;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.TicketSource;
import fr.passerelle.ticket.TicketStatus;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.volunteer.Presence;
import fr.passerelle.volunteer.Volunteers;
import fr.passerelle.volunteer.VolunteerPresence;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live answering, end to end through the simulator: a caller waits in the queue hearing
 * their place, routing offers the call, the volunteer's phone rings from the hotline, the
 * volunteer presses 1 and the two are put through; or the caller presses 1 to be called
 * back in their place; or the volunteer does not answer and the next one is rung. Every
 * step is a real, signed webhook. The volunteers serve Corse-du-Sud (2A), where no other
 * test sends requests.
 */
@IntegrationTest
class LiveAnswerIntegrationTests {

	private static final String HOTLINE = "+33199001234";

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

	@Autowired
	TicketQueries ticketQueries;

	@Autowired
	Routing routing;

	@Autowired
	SimulatedCalls simulatedCalls;

	@Autowired
	JdbcClient jdbc;

	final List<Long> volunteerIds = new ArrayList<>();

	final List<Long> ticketIds = new ArrayList<>();

	StaffClient citizen;

	StaffClient volunteer;

	@BeforeEach
	void aVolunteerIsAvailableWithTheirPhone() {
		this.volunteer = availableVolunteer();
		this.citizen = new StaffClient(this.port);
		this.citizen.login(TestAccounts.open(this.accounts, Role.COORDINATOR).email(), TestAccounts.PASSWORD);
	}

	@AfterEach
	void leaveNothingWaiting() {
		this.citizen.postJson("/api/simulator/phone/call/hangup", "{}");
		for (long id : this.volunteerIds) {
			this.volunteerPresence.choosePresence(id, Presence.OFFLINE);
		}
		for (long id : this.ticketIds) {
			Awaitility.await()
				.atMost(Duration.ofSeconds(10))
				.until(() -> this.ticketQueries.status(id).orElseThrow() != TicketStatus.IN_CALL);
			if (this.ticketQueries.status(id).orElseThrow().canMoveTo(TicketStatus.CANCELLED)) {
				this.tickets.cancel(id, null, "TEST_OVER");
			}
		}
	}

	@Test
	void aCallerWaitsOnTheLineAndIsPutThroughToTheVolunteerWhoPresses1() {
		HttpResponse<String> queued = callAndConfirm(this.citizen);
		assertThat((String) JsonPath.read(queued.body(), "$.state")).isEqualTo("WAITING");
		assertThat(String.join(" ", heard(queued))).contains("Un bénévole va vous répondre", "Vous êtes le prochain",
				"tapez 1");
		long ticketId = ticketOf(queued);
		TicketView waiting = this.ticketQueries.find(ticketId).orElseThrow();
		assertThat(waiting.kind()).isEqualTo(TicketKind.LIVE_CALL);
		assertThat(waiting.status()).isEqualTo(TicketStatus.QUEUED);

		assertThat(this.routing.dispatch()).isPositive();

		awaitState(this.volunteer, "RINGING");
		assertThat((String) JsonPath.read(this.volunteer.get("/api/simulator/phone").body(), "$.call.otherNumber"))
			.as("the volunteer's phone shows the hotline")
			.isEqualTo(HOTLINE);
		HttpResponse<String> whisper = this.volunteer.postJson("/api/simulator/phone/call/answer", "{}");
		assertThat(String.join(" ", heard(whisper))).contains("Appel Passerelle", "CAF", "2, 0, 0, 0, 0",
				"Pour accepter l'appel, tapez 1");
		assertThat(String.join(" ", heard(keys(this.volunteer, "1")))).contains("Je vous mets en relation");

		awaitState(this.citizen, "BRIDGED");
		awaitState(this.volunteer, "BRIDGED");
		assertThat(this.ticketQueries.status(ticketId)).hasValue(TicketStatus.IN_CALL);
		assertThat(this.simulatedCalls.current(number(this.citizen)).heard())
			.contains("Je vous mets en relation avec un bénévole.");

		this.volunteer.postJson("/api/simulator/phone/call/hangup", "{}");

		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.simulatedCalls.current(number(this.citizen)).ended());
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.ticketQueries.status(ticketId).orElseThrow() == TicketStatus.ASSIGNED);
		String callerSid = JsonPath.read(queued.body(), "$.sid");
		Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Map<String, Object> caller = this.jdbc
				.sql("SELECT outcome, queue_sid, queued_at, dequeued_at FROM telephony_call WHERE call_sid = ?")
				.param(callerSid)
				.query()
				.singleRow();
			assertThat(caller).containsEntry("outcome", "ANSWERED")
				.containsEntry("queue_sid", TwilioSimulator.queueSid(LiveCalls.QUEUE));
			assertThat(caller.get("queued_at")).isNotNull();
			assertThat(caller.get("dequeued_at")).isNotNull();
			assertThat(this.jdbc.sql(
					"SELECT outcome FROM telephony_call WHERE ticket_id = ? AND leg = 'VOLUNTEER' AND outcome IS NOT NULL")
				.param(ticketId)
				.query(String.class)
				.list()).containsExactly("ANSWERED");
		});
	}

	@Test
	void aCallerWhoPresses1WhileWaitingIsCalledBackInTheirPlace() {
		HttpResponse<String> queued = callAndConfirm(this.citizen);
		long ticketId = ticketOf(queued);
		TicketView before = this.ticketQueries.find(ticketId).orElseThrow();

		HttpResponse<String> recorded = keys(this.citizen, "1");

		assertThat((Boolean) JsonPath.read(recorded.body(), "$.ended")).isTrue();
		assertThat(String.join(" ", heard(recorded))).contains("Votre demande de rappel est enregistrée",
				"Votre numéro de dossier est");
		TicketView after = this.ticketQueries.find(ticketId).orElseThrow();
		assertThat(after.kind()).isEqualTo(TicketKind.CALLBACK);
		assertThat(after.status()).isEqualTo(TicketStatus.QUEUED);
		assertThat(after.waitingSince()).as("it keeps its place").isEqualTo(before.waitingSince());
		assertThat(this.jdbc.sql("SELECT kind FROM routing_entry WHERE ticket_id = ?")
			.param(ticketId)
			.query(String.class)
			.single()).isEqualTo("CALLBACK");
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> !((List<?>) JsonPath.read(this.citizen.get("/api/simulator/phone").body(), "$.inbox"))
				.isEmpty());
		assertThat(this.jdbc.sql("SELECT outcome FROM telephony_call WHERE call_sid = ?")
			.param((String) JsonPath.read(queued.body(), "$.sid"))
			.query(String.class)
			.single()).isEqualTo("CALLBACK_REQUESTED");
	}

	@Test
	void aCallerWhoHangsUpWhileWaitingWithdrawsTheRequest() {
		HttpResponse<String> queued = callAndConfirm(this.citizen);
		long ticketId = ticketOf(queued);

		this.citizen.postJson("/api/simulator/phone/call/hangup", "{}");

		assertThat(this.ticketQueries.status(ticketId)).hasValue(TicketStatus.CANCELLED);
		assertThat(this.jdbc.sql("SELECT outcome FROM telephony_call WHERE call_sid = ?")
			.param((String) JsonPath.read(queued.body(), "$.sid"))
			.query(String.class)
			.single()).as("under 5 s in the queue (the test clock stands still)").isEqualTo("SHORT_ABANDON");
	}

	@Test
	void aCallerWhoHangsUpStopsTheVolunteersPhoneRinging() {
		HttpResponse<String> queued = callAndConfirm(this.citizen);
		long ticketId = ticketOf(queued);
		this.routing.dispatch();
		awaitState(this.volunteer, "RINGING");

		this.citizen.postJson("/api/simulator/phone/call/hangup", "{}");

		awaitState(this.volunteer, "ENDED");
		assertThat(this.ticketQueries.status(ticketId)).hasValue(TicketStatus.CANCELLED);
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("SELECT outcome FROM telephony_call WHERE ticket_id = ? AND leg = 'VOLUNTEER'")
				.param(ticketId)
				.query(String.class)
				.optional()
				.filter("CANCELED"::equals)
				.isPresent());
	}

	@Test
	void theNextVolunteerIsRungWhenTheFirstDeclines() {
		StaffClient colleague = availableVolunteer();
		HttpResponse<String> queued = callAndConfirm(this.citizen);
		long ticketId = ticketOf(queued);

		this.routing.dispatch();
		StaffClient first = awaitRinging(this.volunteer, colleague);
		StaffClient second = (first == this.volunteer) ? colleague : this.volunteer;
		first.postJson("/api/simulator/phone/call/hangup", "{}");

		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> this.ticketQueries.status(ticketId).orElseThrow() == TicketStatus.QUEUED);
		this.routing.dispatch();
		awaitState(second, "RINGING");
		assertThat(this.ticketQueries.find(ticketId).orElseThrow().assigneeId())
			.isEqualTo(JsonPath.<Integer>read(second.get("/api/auth/me").body(), "$.id").longValue());
	}

	@Test
	void aVolunteerWhoTakesTheCallFromTheConsoleIsRungAndPutThrough() {
		HttpResponse<String> queued = callAndConfirm(this.citizen);
		long ticketId = ticketOf(queued);

		HttpResponse<String> taken = this.volunteer.postJson("/api/routing/next", "{}");

		assertThat(taken.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<Integer>read(taken.body(), "$.id").longValue()).isEqualTo(ticketId);
		awaitState(this.volunteer, "RINGING");
		HttpResponse<String> answered = this.volunteer.postJson("/api/simulator/phone/call/answer", "{}");
		assertThat(String.join(" ", heard(answered))).contains("Appel Passerelle", "Je vous mets en relation")
			.doesNotContain("tapez 1");
		awaitState(this.citizen, "BRIDGED");
		assertThat(this.ticketQueries.status(ticketId)).hasValue(TicketStatus.IN_CALL);
	}

	@Test
	void aConfirmationDeliveredThreeTimesAtOnceQueuesTheCallerOnce() throws Exception {
		TwilioWebhookClient twilio = new TwilioWebhookClient(this.port);
		Map<String, String> call = Map.of("CallSid", "CA" + java.util.UUID.randomUUID().toString().replace("-", ""),
				"From", PhoneNumber.parse(TestPhones.randomMobile()).e164(), "Digits", "1");
		String confirm = "/telephony/voice/confirm?topic=CAF&postcode=20000&silences=0";
		ExecutorService retries = Executors.newFixedThreadPool(3);
		List<Future<HttpResponse<String>>> deliveries = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			deliveries.add(retries.submit(() -> twilio.post(confirm, call)));
		}
		List<Document> answers = new ArrayList<>();
		for (Future<HttpResponse<String>> delivery : deliveries) {
			answers.add(TwilioWebhookClient.twiml(delivery.get()));
		}
		retries.shutdown();

		List<Long> requests = this.jdbc.sql("SELECT ticket_id FROM telephony_call WHERE call_sid = ?")
			.param(call.get("CallSid"))
			.query(Long.class)
			.list();
		assertThat(requests).singleElement().isNotNull();
		this.ticketIds.add(requests.get(0));
		for (Document answer : answers) {
			Element enqueue = VoiceWebhookIntegrationTests.only(answer, "Enqueue");
			assertThat(enqueue.getTextContent()).isEqualTo(LiveCalls.QUEUE);
			assertThat(enqueue.getAttribute("waitUrl"))
				.isEqualTo("/telephony/voice/live/hold?ticket=" + requests.get(0));
			assertThat(enqueue.getAttribute("action"))
				.isEqualTo("/telephony/voice/live/left?ticket=" + requests.get(0));
			assertThat(VoiceWebhookIntegrationTests.only(answer, "Say").getAttribute("language")).isEqualTo("fr-FR");
		}
		assertThat(this.ticketQueries.find(requests.get(0)).orElseThrow().kind()).isEqualTo(TicketKind.LIVE_CALL);
	}

	@Test
	void answersStrangeOrLateWebhooksPolitely() {
		TwilioWebhookClient twilio = new TwilioWebhookClient(this.port);
		Map<String, String> call = Map.of("CallSid", "CA" + "c".repeat(32), "From", "+33612345678");

		HttpResponse<String> garbled = twilio.post("/telephony/voice/live/hold?ticket=abc", call);
		assertThat(garbled.statusCode()).isEqualTo(200);
		assertThat(VoiceWebhookIntegrationTests.spoken(TwilioWebhookClient.twiml(garbled)))
			.contains("problème technique");

		HttpResponse<String> unknown = twilio.post("/telephony/voice/live/volunteer?ticket=999999999&volunteer=1",
				call);
		assertThat(VoiceWebhookIntegrationTests.verbs(TwilioWebhookClient.twiml(unknown))).containsExactly("Say",
				"Hangup");

		HttpResponse<String> lateHangup = twilio.post("/telephony/voice/live/left?ticket=999999999",
				Map.of("CallSid", "CA" + "d".repeat(32), "QueueResult", "hangup"));
		assertThat(lateHangup.statusCode()).isEqualTo(200);
		assertThat(VoiceWebhookIntegrationTests.verbs(TwilioWebhookClient.twiml(lateHangup))).isEmpty();

		HttpResponse<String> letters = twilio.post("/telephony/voice/live/hold/keys?ticket=999999999",
				Map.of("CallSid", "CA" + "d".repeat(32), "Digits", "abc"));
		assertThat(VoiceWebhookIntegrationTests.verbs(TwilioWebhookClient.twiml(letters))).containsExactly("Redirect");
	}

	@Test
	void nobodyToAnswerOrTooManyWaitingMeansACallback() {
		for (int i = 0; i < 3; i++) {
			TicketView waiting = this.tickets.open(new HelpRequest(TicketSource.PHONE, TicketKind.LIVE_CALL,
					this.requests.topic("CAF"), this.requests.area("20000"),
					this.requests.phone(TestPhones.randomMobile()), null, Set.of(), null));
			this.ticketIds.add(waiting.id());
		}

		HttpResponse<String> tooMany = callAndConfirm(this.citizen);

		assertThat((Boolean) JsonPath.read(tooMany.body(), "$.ended")).isTrue();
		assertThat(String.join(" ", heard(tooMany))).contains("Votre demande de rappel est enregistrée");
		assertThat(this.ticketQueries.find(ticketOf(tooMany)).orElseThrow().kind()).isEqualTo(TicketKind.CALLBACK);
	}

	private StaffClient availableVolunteer() {
		long id = TestAccounts.open(this.accounts, Role.VOLUNTEER).id();
		this.volunteerIds.add(id);
		this.volunteers.register(id, "2A", Set.of("CAF"));
		this.volunteers.configureRouting(id, Set.of("fr"), 1, Set.of("2A"), Set.of(), false);
		this.volunteers.qualify(id);
		this.volunteerPresence.choosePresence(id, Presence.AVAILABLE);
		StaffClient client = new StaffClient(this.port);
		client.login(this.accounts.find(id).orElseThrow().email(), TestAccounts.PASSWORD);
		assertThat(client.putJson("/api/volunteers/me/phone", "{\"phone\":\"" + number(client) + "\"}").statusCode())
			.isEqualTo(200);
		return client;
	}

	/** Calls the hotline, theme 1 (CAF), postcode 20000 (Ajaccio), and confirms. */
	private HttpResponse<String> callAndConfirm(StaffClient phone) {
		phone.postJson("/api/simulator/phone/call", "{}");
		keys(phone, "1");
		keys(phone, "20000");
		HttpResponse<String> confirmed = keys(phone, "1");
		this.ticketIds.add(ticketOf(confirmed));
		return confirmed;
	}

	private long ticketOf(HttpResponse<String> call) {
		return this.jdbc.sql("SELECT ticket_id FROM telephony_call WHERE call_sid = ?")
			.param((String) JsonPath.read(call.body(), "$.sid"))
			.query(Long.class)
			.single();
	}

	private static String number(StaffClient phone) {
		return JsonPath.read(phone.get("/api/simulator/phone").body(), "$.number");
	}

	private static StaffClient awaitRinging(StaffClient... phones) {
		return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
			for (StaffClient phone : phones) {
				if ("RINGING".equals(stateOf(phone))) {
					return phone;
				}
			}
			return null;
		}, (found) -> found != null);
	}

	private static void awaitState(StaffClient phone, String state) {
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> state.equals(stateOf(phone)));
	}

	/** The state of the phone's latest call, or "" when it has none. */
	private static String stateOf(StaffClient phone) {
		Map<String, Object> call = JsonPath.read(phone.get("/api/simulator/phone").body(), "$.call");
		return (call != null) ? (String) call.get("state") : "";
	}

	private static HttpResponse<String> keys(StaffClient phone, String keys) {
		return phone.postJson("/api/simulator/phone/call/keys", "{\"keys\":\"" + keys + "\"}");
	}

	private static List<String> heard(HttpResponse<String> response) {
		return JsonPath.read(response.body(), "$.heard");
	}

}
