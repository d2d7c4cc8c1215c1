package fr.passerelle.telephony;

import fr.passerelle.ticket.HelpRequests;
import fr.passerelle.telephony.simulator.TwilioSimulator;
import java.net.http.HttpResponse;
import java.util.List;
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
import fr.passerelle.ticket.TicketView;
import fr.passerelle.ticket.TimelineEntry;
import fr.passerelle.tutorial.Tutorials;
import fr.passerelle.volunteer.Volunteers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Envoyer par SMS" from the console: the tutorials the console suggests, and a
 * tutorial's short link texted from the hotline, through the Twilio simulator, to the
 * citizen's inbox.
 */
@IntegrationTest
class TutorialTextIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	HelpRequests requests;

	@Autowired
	TicketManagement tickets;

	@Autowired
	TicketQueries ticketQueries;

	@Autowired
	Tutorials tutorials;

	@Autowired
	Volunteers volunteers;

	@Autowired
	AccountManagement accounts;

	@Autowired
	TwilioSimulator simulator;

	long volunteerId;

	StaffClient volunteer;

	@BeforeEach
	void signedInVolunteer() {
		this.volunteerId = TestAccounts.open(this.accounts, Role.VOLUNTEER).id();
		this.volunteers.register(this.volunteerId, "35", Set.of("TAXES"));
		this.volunteers.qualify(this.volunteerId);
		this.volunteer = new StaffClient(this.port);
		this.volunteer.login(this.accounts.find(this.volunteerId).orElseThrow().email(), TestAccounts.PASSWORD);
	}

	@Test
	void theConsoleSuggestsTheTutorialsOfATicketsThemeAndFindsOthers() {
		HttpResponse<String> taxes = this.volunteer.get("/api/tutorials?topic=TAXES");
		HttpResponse<String> found = this.volunteer.get("/api/tutorials?q=arnaque%20sms");

		assertThat(taxes.statusCode()).isEqualTo(200);
		List<String> slugs = JsonPath.read(taxes.body(), "$[*].slug");
		assertThat(slugs).contains("declarer-ses-revenus", "creer-son-espace-impots", "retrouver-son-avis-d-impot");
		List<String> topics = JsonPath.read(taxes.body(), "$[*].topicCode");
		assertThat(topics).containsOnly("TAXES");
		List<String> shortUrls = JsonPath.read(taxes.body(), "$[?(@.slug == 'declarer-ses-revenus')].shortUrl");
		assertThat(shortUrls).singleElement().asString().endsWith("/t/impots");
		assertThat((String) JsonPath.read(found.body(), "$[0].slug")).isEqualTo("reconnaitre-une-arnaque");
		assertThat(new StaffClient(this.port).get("/api/tutorials").statusCode()).as("staff only").isEqualTo(401);
	}

	@Test
	void theVolunteerTextsATutorialsShortLinkOnceAndItIsRecordedAndCounted() {
		String citizenPhone = PhoneNumber.parse(TestPhones.randomMobile()).e164();
		TicketView ticket = this.tickets
			.open(this.requests.callback(TicketSource.WEB_FORM, "TAXES", "35000", citizenPhone, null, Set.of()));
		String path = "/api/tickets/" + ticket.id() + "/tutorials/declarer-ses-revenus/texts";
		int sentBefore = this.tutorials.published("declarer-ses-revenus").orElseThrow().counts().smsSent();

		assertThat(this.volunteer.postJson(path, "{}").statusCode()).as("not held yet").isEqualTo(404);
		this.tickets.assign(ticket.id(), this.volunteerId);
		HttpResponse<String> sent = this.volunteer.postJson(path, "{}");
		HttpResponse<String> again = this.volunteer.postJson(path, "{}");
		HttpResponse<String> unknown = this.volunteer
			.postJson("/api/tickets/" + ticket.id() + "/tutorials/nulle-part/texts", "{}");

		assertThat(sent.statusCode()).isEqualTo(201);
		assertThat(again.statusCode()).isEqualTo(201);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat((String) JsonPath.read(unknown.body(), "$.detail")).contains("Ce tutoriel n'existe pas");
		assertThat(this.simulator.inbox(citizenPhone))
			.filteredOn((text) -> text.body().startsWith("Passerelle : le tutoriel"))
			.singleElement()
			.satisfies((text) -> {
				assertThat(text.from()).isEqualTo("+33199001234");
				assertThat(text.body()).startsWith("Passerelle : le tutoriel « Déclarer ses revenus en ligne »")
					.contains("/t/impots");
			});
		assertThat(this.ticketQueries.timeline(ticket.id())).filteredOn((e) -> e.type().equals("TUTORIAL_SENT"))
			.singleElement()
			.extracting(TimelineEntry::detail)
			.isEqualTo("declarer-ses-revenus");
		assertThat(this.tutorials.published("declarer-ses-revenus").orElseThrow().counts().smsSent())
			.isEqualTo(sentBefore + 1);
	}

}
