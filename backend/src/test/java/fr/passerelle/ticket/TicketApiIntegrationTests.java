package fr.passerelle.ticket;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestPhones;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.NewAccount;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.volunteer.Presence;
import fr.passerelle.volunteer.Volunteers;
import fr.passerelle.volunteer.VolunteerPresence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API as the console uses it, over HTTP, in the Lozère (48) so that other tests'
 * requests never mix in.
 */
@IntegrationTest
class TicketApiIntegrationTests {

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

	StaffAccount holder;

	StaffClient holderApp;

	@BeforeEach
	void signInAVolunteerWithARequestWaiting() {
		this.holder = volunteer();
		this.holderApp = signIn(this.holder);
	}

	@Test
	void takesTheNextRequestOnceEvenWhenTheClickIsSentTwice() {
		TicketView waiting = liveCall();

		HttpResponse<String> first = this.holderApp.send(this.holderApp.request("/api/routing/next")
			.header("X-XSRF-TOKEN", this.holderApp.cookie("XSRF-TOKEN").orElseThrow())
			.header("Idempotency-Key", "click-1")
			.POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
		HttpResponse<String> again = this.holderApp.send(this.holderApp.request("/api/routing/next")
			.header("X-XSRF-TOKEN", this.holderApp.cookie("XSRF-TOKEN").orElseThrow())
			.header("Idempotency-Key", "click-1")
			.POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(((Number) JsonPath.read(first.body(), "$.id")).longValue()).isEqualTo(waiting.id());
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(((Number) JsonPath.read(again.body(), "$.id")).longValue()).isEqualTo(waiting.id());
		HttpResponse<String> another = this.holderApp.postForm("/api/routing/next", java.util.Map.of());
		assertThat(another.statusCode()).isEqualTo(409);
		assertThat((String) JsonPath.read(another.body(), "$.detail")).startsWith("Vous avez déjà autant de demandes");
	}

	@Test
	void answersNoContentWhenNothingWaits() {
		assertThat(this.holderApp.postForm("/api/routing/next", java.util.Map.of()).statusCode()).isEqualTo(204);
	}

	@Test
	void showsATicketToItsHolderMaskedAndWithItsTimeline() {
		TicketView ticket = taken();

		HttpResponse<String> details = this.holderApp.get("/api/tickets/" + ticket.id());

		assertThat(details.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(details.body(), "$.ticket.maskedPhone")).matches("06 •• •• •• \\d\\d");
		assertThat(details.body()).doesNotContain("+336").doesNotContain("phoneCipher");
		assertThat((List<String>) JsonPath.read(details.body(), "$.timeline[*].type")).contains("CREATED", "ASSIGNED");
		assertThat((String) JsonPath.read(details.body(), "$.ticket.reference")).matches("...-...");
	}

	@Test
	void keepsTicketsFromThoseWhoHaveNoRightToThem() {
		TicketView ticket = taken();
		StaffClient otherVolunteer = signIn(volunteer());
		StaffClient bretagne = signIn(TestAccounts.open(this.accounts,
				NewAccount
					.of(TestAccounts.uniqueEmail(Role.COORDINATOR), "Coordination Bretagne", Role.COORDINATOR,
							TestAccounts.PASSWORD)
					.inRegion("53")));
		StaffClient occitanie = signIn(TestAccounts.open(this.accounts,
				NewAccount
					.of(TestAccounts.uniqueEmail(Role.COORDINATOR), "Coordination Occitanie", Role.COORDINATOR,
							TestAccounts.PASSWORD)
					.inRegion("76")));

		HttpResponse<String> refused = otherVolunteer.get("/api/tickets/" + ticket.id());
		HttpResponse<String> unknown = otherVolunteer.get("/api/tickets/" + Long.MAX_VALUE);
		assertThat(refused.statusCode()).as("the same answer as for a request that does not exist").isEqualTo(404);
		assertThat((String) JsonPath.read(refused.body(), "$.detail"))
			.isEqualTo("Cette demande n'existe pas, ou n'est pas entre vos mains.");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat((String) JsonPath.read(unknown.body(), "$.detail"))
			.isEqualTo(JsonPath.read(refused.body(), "$.detail"));
		assertThat(bretagne.get("/api/tickets/" + ticket.id()).statusCode()).isEqualTo(404);
		assertThat(occitanie.get("/api/tickets/" + ticket.id()).statusCode()).as("Lozère is in Occitanie")
			.isEqualTo(200);
		assertThat(otherVolunteer.postForm("/api/tickets/" + ticket.id() + "/release", java.util.Map.of()).statusCode())
			.isEqualTo(404);
		assertThat(otherVolunteer.putJson("/api/tickets/" + ticket.id() + "/outcome", outcomeJson()).statusCode())
			.isEqualTo(404);
	}

	@Test
	void listsOnlyWhatTheCallerMaySee() {
		TicketView mine = taken();
		StaffClient occitanie = signIn(TestAccounts.open(this.accounts,
				NewAccount
					.of(TestAccounts.uniqueEmail(Role.COORDINATOR), "Coordination Occitanie", Role.COORDINATOR,
							TestAccounts.PASSWORD)
					.inRegion("76")));

		List<Number> holderIds = JsonPath.read(this.holderApp.get("/api/tickets").body(), "$.items[*].id");
		HttpResponse<String> regional = occitanie.get("/api/tickets?departement=48&status=ASSIGNED&size=100");
		List<String> regions = JsonPath.read(regional.body(), "$.items[*].regionCode");

		assertThat(holderIds.stream().map(Number::longValue)).containsExactly(mine.id());
		assertThat(regional.statusCode()).isEqualTo(200);
		assertThat(regions).isNotEmpty().containsOnly("76");
		assertThat(occitanie.get("/api/tickets?size=1000").statusCode()).isEqualTo(400);
	}

	@Test
	void keepsNotesAsTextAndOnceWhenSentTwice() {
		TicketView ticket = taken();
		String html = "<img src=x onerror=alert(1)> Dossier CAF en cours";

		HttpResponse<String> first = this.holderApp.postJson("/api/tickets/" + ticket.id() + "/notes",
				"{\"body\":\"" + html + "\"}");
		HttpResponse<String> second = this.holderApp.postJson("/api/tickets/" + ticket.id() + "/notes",
				"{\"body\":\"" + html + "\"}");
		HttpResponse<String> empty = this.holderApp.postJson("/api/tickets/" + ticket.id() + "/notes",
				"{\"body\":\"\"}");

		assertThat(first.statusCode()).isEqualTo(201);
		assertThat((String) JsonPath.read(first.body(), "$.body")).isEqualTo(html);
		assertThat(((Number) JsonPath.read(second.body(), "$.id")).longValue())
			.isEqualTo(((Number) JsonPath.read(first.body(), "$.id")).longValue());
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat((List<String>) JsonPath.read(empty.body(), "$.fields[*].field")).containsExactly("body");
	}

	@Test
	void recordsTheOutcomeWithTheNationalCodesAndOnce() {
		TicketView ticket = taken();

		HttpResponse<String> recorded = this.holderApp.putJson("/api/tickets/" + ticket.id() + "/outcome",
				outcomeJson());
		HttpResponse<String> again = this.holderApp.putJson("/api/tickets/" + ticket.id() + "/outcome", outcomeJson());
		StaffClient national = TestAccounts.signedIn(this.accounts, Role.COORDINATOR, this.port);
		HttpResponse<String> details = national.get("/api/tickets/" + ticket.id());

		assertThat(recorded.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(recorded.body(), "$.status")).isEqualTo("RESOLVED");
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(details.body(), "$.outcome.completion")).isEqualTo("finalisee");
		assertThat((List<String>) JsonPath.read(details.body(), "$.outcome.procedureThemes"))
			.containsExactly("social_sante");
		assertThat(this.holderApp.get("/api/tickets/" + ticket.id()).statusCode())
			.as("closed, the request is no longer in the volunteer's hands")
			.isEqualTo(404);
	}

	@Test
	void refusesAnOutcomeThatDoesNotHoldTogether() {
		TicketView ticket = taken();

		HttpResponse<String> refused = this.holderApp.putJson("/api/tickets/" + ticket.id() + "/outcome",
				outcomeJson().replace("\"finalisee\"", "\"oriente_vers_structure\""));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(refused.body(), "$.detail")).contains("structure");
		assertThat(this.ticketQueries.find(ticket.id()).orElseThrow().status()).isEqualTo(TicketStatus.ASSIGNED);
	}

	@Test
	void reportsAFailedCallbackOnceAndRefusesAnUnknownResult() {
		TicketView ticket = taken();

		HttpResponse<String> failed = this.holderApp.postJson("/api/tickets/" + ticket.id() + "/attempts",
				"{\"result\":\"NO_ANSWER\",\"attempt\":1}");
		HttpResponse<String> again = this.holderApp.postJson("/api/tickets/" + ticket.id() + "/attempts",
				"{\"result\":\"NO_ANSWER\",\"attempt\":1}");
		HttpResponse<String> unknown = this.holderApp.postJson("/api/tickets/" + ticket.id() + "/attempts",
				"{\"result\":\"MAYBE\",\"attempt\":2}");

		assertThat((String) JsonPath.read(failed.body(), "$.status")).isEqualTo("SCHEDULED");
		assertThat((Integer) JsonPath.read(again.body(), "$.attempts")).isEqualTo(1);
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat((List<String>) JsonPath.read(unknown.body(), "$.fields[*].field")).containsExactly("result");
	}

	@Test
	void setsPresenceAndShiftsThroughTheApi() {
		HttpResponse<String> paused = this.holderApp.putJson("/api/volunteers/me/presence", "{\"status\":\"PAUSED\"}");
		HttpResponse<String> shifts = this.holderApp.putJson("/api/volunteers/me/shifts",
				"{\"availableAtShiftStart\":true,\"shifts\":[{\"day\":\"TUESDAY\",\"starts\":\"14:00\",\"ends\":\"17:00\"}]}");
		HttpResponse<String> overlapping = this.holderApp.putJson("/api/volunteers/me/shifts",
				"{\"availableAtShiftStart\":false,\"shifts\":[{\"day\":\"TUESDAY\",\"starts\":\"14:00\",\"ends\":\"17:00\"},"
						+ "{\"day\":\"TUESDAY\",\"starts\":\"16:00\",\"ends\":\"18:00\"}]}");

		assertThat((String) JsonPath.read(paused.body(), "$.status")).isEqualTo("PAUSED");
		assertThat((String) JsonPath.read(shifts.body(), "$.shifts[0].day")).isEqualTo("TUESDAY");
		assertThat(overlapping.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(overlapping.body(), "$.detail"))
			.isEqualTo("Deux de vos créneaux se chevauchent.");
	}

	@Test
	void answersMalformedRequestsWithProblemsNotErrors() {
		assertThat(this.holderApp.get("/api/tickets/not-a-number").statusCode()).isEqualTo(400);
		assertThat(this.holderApp.get("/api/tickets/999999999").statusCode()).isEqualTo(404);
		assertThat(this.holderApp.get("/api/tickets?reference=nope").statusCode()).isEqualTo(400);
		assertThat(this.holderApp.putJson("/api/volunteers/me/presence", "{\"status\":\"ASLEEP\"}").statusCode())
			.isEqualTo(400);
	}

	@Test
	void describesTheApiWithOpenApi() {
		HttpResponse<String> description = new StaffClient(this.port).get("/v3/api-docs");

		assertThat(description.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(description.body(), "$.openapi")).startsWith("3.");
		assertThat(description.body()).contains("/api/tickets/{id}/outcome", "/api/routing/next",
				"/api/volunteers/me/presence");
		// the signed-in staff member is no parameter anyone sends
		assertThat(
				(List<Object>) JsonPath.read(description.body(), "$.paths['/api/tickets/{id}'].get.parameters[*].name"))
			.containsExactly("id");
		assertThat(description.body()).doesNotContain("\"name\":\"displayName\"", "\"name\":\"staff\"");
	}

	private TicketView taken() {
		liveCall();
		return this.ticketQueries
			.find(((Number) JsonPath.read(this.holderApp.postForm("/api/routing/next", java.util.Map.of()).body(),
					"$.id"))
				.longValue())
			.orElseThrow();
	}

	private TicketView liveCall() {
		return this.tickets.open(new HelpRequest(TicketSource.PHONE, TicketKind.LIVE_CALL, this.requests.topic("CAF"),
				this.requests.area("48000"), this.requests.phone(TestPhones.randomMobile()), null, Set.of(), null));
	}

	private StaffAccount volunteer() {
		StaffAccount account = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		this.volunteers.register(account.id(), "48", Set.of("CAF"));
		this.volunteers.qualify(account.id());
		this.volunteerPresence.choosePresence(account.id(), Presence.AVAILABLE);
		return account;
	}

	private StaffClient signIn(StaffAccount account) {
		StaffClient app = new StaffClient(this.port);
		assertThat(app.login(account.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
		return app;
	}

	private static String outcomeJson() {
		return """
				{"supportType":"demarche_administrative","durationMinutes":25,"procedureThemes":["social_sante"],
				 "supportThemes":["navigation_sur_internet"],"equipment":["ordinateur"],
				 "autonomy":"partiellement_autonome","completion":"finalisee"}""";
	}

}
