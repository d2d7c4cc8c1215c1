package fr.passerelle.ticket;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestClock;
import fr.passerelle.TestPhones;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.volunteer.Presence;
import fr.passerelle.volunteer.Volunteers;
import fr.passerelle.volunteer.VolunteerPresence;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security review's findings on requests (issue 13, findings 1 to 4), each tried as
 * an approved volunteer with no link to the request would try it. The requests are in the
 * Calvados (14), in Normandie, where no other test works (the end-to-end tests sign up a
 * volunteer in Bourgogne-Franche-Comté, who must not be offered these).
 */
@IntegrationTest
class TicketAccessIntegrationTests {

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
	TestClock clock;

	@Test
	void aStrangerCannotReadAWaitingRequestByReleasingIt() {
		TicketView waiting = callback(TestPhones.randomMobile());
		StaffClient stranger = signIn(volunteer());

		HttpResponse<String> release = stranger.postForm("/api/tickets/" + waiting.id() + "/release", Map.of());

		assertThat(release.statusCode()).isEqualTo(404);
		assertThat(release.body()).doesNotContain(waiting.reference().toString()).doesNotContain("••");
		assertThat(this.ticketQueries.find(waiting.id()).orElseThrow().status()).isEqualTo(TicketStatus.QUEUED);
	}

	@Test
	void nobodyTypesANumberToOpenOrLookUpARequest() {
		String phone = TestPhones.randomMobile();
		TicketView theirs = callback(phone);
		StaffClient stranger = signIn(volunteer());

		HttpResponse<String> lookUp = stranger.postJson("/api/tickets",
				"{\"phone\":\"%s\",\"topic\":\"CAF\",\"postcode\":\"05000\"}".formatted(phone));

		assertThat(lookUp.statusCode()).isEqualTo(400);
		assertThat(lookUp.body()).doesNotContain(theirs.reference().toString());
		assertThat((java.util.List<String>) JsonPath.read(lookUp.body(), "$.fields[*].field")).contains("followUpOf");
		HttpResponse<String> ofSomeoneElses = stranger.postJson("/api/tickets",
				"{\"followUpOf\":%d,\"topic\":\"CAF\"}".formatted(theirs.id()));
		assertThat(ofSomeoneElses.statusCode()).isEqualTo(404);
	}

	@Test
	void aFollowUpTakesTheNumberOfAHeldRequestAndIsLimited() {
		StaffAccount holder = volunteer();
		StaffClient app = signIn(holder);
		TicketView held = callback(TestPhones.randomMobile());
		this.tickets.assign(held.id(), holder.id());

		HttpResponse<String> first = app.postJson("/api/tickets",
				"{\"followUpOf\":%d,\"topic\":\"TAXES\"}".formatted(held.id()));

		assertThat(first.statusCode()).isEqualTo(201);
		TicketView followUp = this.ticketQueries.find(((Number) JsonPath.read(first.body(), "$.id")).longValue())
			.orElseThrow();
		assertThat(followUp.maskedPhone()).isEqualTo(held.maskedPhone());
		assertThat(followUp.postcode()).isEqualTo("14000");
		assertThat(followUp.source()).isEqualTo(TicketSource.VOLUNTEER);
		int created = 1;
		HttpResponse<String> last = first;
		for (String topic : new String[] { "HEALTH", "EMPLOYMENT", "IDENTITY", "RETIREMENT" }) {
			last = app.postJson("/api/tickets", "{\"followUpOf\":%d,\"topic\":\"%s\"}".formatted(held.id(), topic));
			if (last.statusCode() != 201) {
				break;
			}
			created++;
		}
		assertThat(created).as("three a number in an hour").isEqualTo(3);
		assertThat(last.statusCode()).isEqualTo(429);
		assertThat((String) JsonPath.read(last.body(), "$.code")).isEqualTo("limits.exceeded");
	}

	@Test
	void anExpiredOrDeclinedOfferLeavesNoAccess() {
		StaffAccount offered = volunteer();
		StaffClient app = signIn(offered);
		TicketView ticket = callback(TestPhones.randomMobile());
		TicketView declined = callback(TestPhones.randomMobile());

		this.tickets.offer(ticket.id(), offered.id(), this.clock.instant().plusSeconds(30));
		assertThat(app.get("/api/tickets/" + ticket.id()).statusCode()).as("an offer is not in their hands")
			.isEqualTo(404);
		this.clock.advance(Duration.ofMinutes(1));
		this.tickets.returnToQueue(ticket.id(), offered.id(), "OFFER_EXPIRED");
		this.tickets.offer(declined.id(), offered.id(), this.clock.instant().plusSeconds(30));
		this.tickets.returnToQueue(declined.id(), offered.id(), "OFFER_DECLINED");

		assertThat(app.get("/api/tickets/" + ticket.id()).statusCode()).isEqualTo(404);
		assertThat(app.get("/api/tickets/" + declined.id()).statusCode()).isEqualTo(404);
		HttpResponse<String> list = app.get("/api/tickets");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).doesNotContain(ticket.reference().toString())
			.doesNotContain(declined.reference().toString());
	}

	@Test
	void aRetriedOutcomeAnswersOnlyItsAuthor() {
		StaffAccount holder = volunteer();
		StaffClient holderApp = signIn(holder);
		StaffClient other = signIn(volunteer());
		TicketView ticket = callback(TestPhones.randomMobile());
		this.tickets.assign(ticket.id(), holder.id());

		assertThat(holderApp.putJson("/api/tickets/" + ticket.id() + "/outcome", outcomeJson()).statusCode())
			.isEqualTo(200);
		assertThat(holderApp.putJson("/api/tickets/" + ticket.id() + "/outcome", outcomeJson()).statusCode())
			.as("the author's retry")
			.isEqualTo(200);
		HttpResponse<String> stranger = other.putJson("/api/tickets/" + ticket.id() + "/outcome", outcomeJson());

		assertThat(stranger.statusCode()).isEqualTo(404);
		assertThat(stranger.body()).doesNotContain(ticket.reference().toString()).doesNotContain("••");
	}

	@Test
	void aVolunteerWhoHandedARequestOverNoLongerReadsIt() {
		StaffAccount giver = volunteer();
		StaffAccount recipient = volunteer();
		StaffClient giverApp = signIn(giver);
		TicketView ticket = callback(TestPhones.randomMobile());
		this.tickets.assign(ticket.id(), giver.id());
		assertThat(giverApp.get("/api/tickets/" + ticket.id()).statusCode()).isEqualTo(200);

		this.tickets.handOver(ticket.id(), giver.id(), recipient.id(), "HANDED_TO_VOLUNTEER");
		this.tickets.addNote(ticket.id(), recipient.id(), "Un détail personnel");

		HttpResponse<String> after = giverApp.get("/api/tickets/" + ticket.id());
		assertThat(after.statusCode()).isEqualTo(404);
		assertThat(after.body()).doesNotContain("Un détail personnel");
		assertThat(signIn(recipient).get("/api/tickets/" + ticket.id()).body()).contains("Un détail personnel");
	}

	private TicketView callback(String phone) {
		return this.tickets.open(this.requests.callback(TicketSource.WEB_FORM, "CAF", "14000", phone, null, Set.of()));
	}

	private StaffAccount volunteer() {
		StaffAccount account = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		this.volunteers.register(account.id(), "14", Set.of("CAF", "TAXES"));
		this.volunteers.qualify(account.id());
		this.volunteerPresence.choosePresence(account.id(), Presence.PAUSED);
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
