package fr.passerelle.routing;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.ticket.HelpRequests;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestClock;
import fr.passerelle.TestClockConfiguration;
import fr.passerelle.TestPhones;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.NewAccount;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.TicketSource;
import fr.passerelle.ticket.TicketStatus;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.ticket.TimelineEntry;
import fr.passerelle.volunteer.Presence;
import fr.passerelle.volunteer.Volunteers;
import fr.passerelle.volunteer.VolunteerPresence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordinators' worklist (issue 15): the requests waiting in their scope, oldest
 * first and filtered; prioritising one, rescheduling a callback, giving one to a named
 * volunteer, each on the request's timeline and harmless when done again; refused outside
 * the coordinator's région. Requests and volunteers here are in the Meuse (55, Grand Est,
 * région 44), which no other test uses.
 */
@IntegrationTest
class WorklistIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	HelpRequests requests;

	@Autowired
	TicketManagement tickets;

	@Autowired
	TicketQueries ticketQueries;

	@Autowired
	Routing routing;

	@Autowired
	RoutingStore store;

	@Autowired
	Volunteers volunteers;

	@Autowired
	VolunteerPresence volunteerPresence;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@BeforeEach
	void startWithNothingWaitingAndNobodyOnlineInTheMeuse() {
		this.clock.set(Instant.parse(TestClockConfiguration.MONDAY_MORNING));
		this.jdbc.sql("DELETE FROM routing_entry WHERE departement_code = '55'").update();
		this.jdbc
			.sql("UPDATE ticket SET status = 'CANCELLED' WHERE departement_code = '55' "
					+ "AND status IN ('QUEUED', 'SCHEDULED', 'OFFERED', 'ASSIGNED')")
			.update();
		this.jdbc
			.sql("UPDATE volunteer_presence SET status = 'OFFLINE' "
					+ "WHERE account_id IN (SELECT account_id FROM volunteer WHERE departement_code = '55')")
			.update();
	}

	@Test
	void listsTheRequestsWaitingInTheRegionOldestFirstFilteredByThemeAndAge() {
		TicketView first = callback("CAF");
		this.clock.advance(Duration.ofMinutes(30));
		TicketView second = callback("TAXES");
		this.clock.advance(Duration.ofMinutes(30));
		TicketView third = callback("CAF");
		StaffClient grandEst = signIn(coordinator("44"));

		String all = grandEst.get("/api/tickets?status=QUEUED&status=SCHEDULED&departement=55&order=oldest").body();
		String caf = grandEst.get("/api/tickets?status=QUEUED&departement=55&topic=CAF&order=oldest").body();
		// waiting for 45 minutes at least
		String old = grandEst
			.get("/api/tickets?status=QUEUED&departement=55&order=oldest&to="
					+ this.clock.instant().minus(Duration.ofMinutes(45)))
			.body();

		assertThat(ids(all)).containsExactly(first.id(), second.id(), third.id());
		assertThat(ids(grandEst.get("/api/tickets?status=+&status=QUEUED&departement=55&order=oldest").body()))
			.as("a blank status is left out (it once answered 500)")
			.containsExactly(first.id(), second.id(), third.id());
		assertThat(ids(caf)).containsExactly(first.id(), third.id());
		assertThat(ids(old)).containsExactly(first.id());
		assertThat(ids(signIn(coordinator("24")).get("/api/tickets?departement=55&order=oldest").body()))
			.as("another région's coordinator")
			.isEmpty();
	}

	@Test
	void aPrioritisedRequestIsTheNextTakenAndOnItsTimelineOnce() {
		StaffAccount volunteer = volunteer(Presence.AVAILABLE);
		callback("CAF");
		this.clock.advance(Duration.ofMinutes(5));
		TicketView later = callback("CAF");
		StaffClient grandEst = signIn(coordinator("44"));

		assertThat(grandEst.postJson("/api/tickets/" + later.id() + "/priority", "{}").statusCode()).isEqualTo(200);
		assertThat(grandEst.postJson("/api/tickets/" + later.id() + "/priority", "{}").statusCode()).as("again")
			.isEqualTo(200);

		assertThat(this.routing.takeNext(volunteer.id())).map(TicketView::id).hasValue(later.id());
		assertThat(this.ticketQueries.timeline(later.id()).stream().filter((e) -> e.type().equals("PRIORITISED")))
			.hasSize(1);
	}

	@Test
	void aCoordinatorGivesAWaitingRequestAndAPlannedOneToANamedVolunteer() {
		StaffAccount volunteer = volunteer(Presence.PAUSED);
		this.volunteers.configureRouting(volunteer.id(), Set.of("fr"), 2, Set.of("55"), Set.of(), false);
		TicketView waiting = callback("CAF");
		TicketView planned = callback("CAF");
		StaffClient grandEst = signIn(coordinator("44"));
		assertThat(grandEst
			.postJson("/api/tickets/" + planned.id() + "/reschedule",
					"{\"at\":\"" + this.clock.instant().plus(Duration.ofDays(1)) + "\"}")
			.statusCode()).isEqualTo(200);

		List<Integer> offered = JsonPath.read(grandEst.get("/api/tickets/" + waiting.id() + "/assignees").body(),
				"$[*].id");
		HttpResponse<String> given = grandEst.postJson("/api/tickets/" + waiting.id() + "/assign",
				"{\"volunteerId\":" + volunteer.id() + "}");
		HttpResponse<String> again = grandEst.postJson("/api/tickets/" + waiting.id() + "/assign",
				"{\"volunteerId\":" + volunteer.id() + "}");
		HttpResponse<String> plannedGiven = grandEst.postJson("/api/tickets/" + planned.id() + "/assign",
				"{\"volunteerId\":" + volunteer.id() + "}");

		assertThat(offered).contains((int) volunteer.id());
		assertThat(given.statusCode()).as(given.body()).isEqualTo(200);
		assertThat(again.statusCode()).as("again: nothing changes").isEqualTo(200);
		assertThat(plannedGiven.statusCode()).as(plannedGiven.body()).isEqualTo(200);
		for (TicketView ticket : List.of(waiting, planned)) {
			TicketView now = this.ticketQueries.find(ticket.id()).orElseThrow();
			assertThat(now.status()).isEqualTo(TicketStatus.ASSIGNED);
			assertThat(now.assigneeId()).isEqualTo(volunteer.id());
			assertThat(this.ticketQueries.timeline(ticket.id())).extracting(TimelineEntry::type)
				.containsOnlyOnce("ASSIGNED_BY_COORDINATOR");
		}
		assertThat(this.store.load(volunteer.id())).as("both held, as routing counts them").isEqualTo(2);
		assertThat(this.jdbc
			.sql("SELECT detail FROM audit_event WHERE action = 'REQUEST_CHANGED' AND target = ? ORDER BY id")
			.param("ticket/" + waiting.id())
			.query(String.class)
			.list()).as("what changed, with what it replaced")
			.anySatisfy((detail) -> assertThat(detail).contains("\"action\":\"ASSIGNED\"", "\"status\":\"QUEUED\"",
					"\"status\":\"ASSIGNED\""));
		assertThat(this.ticketQueries.heldBy(volunteer.id())).hasSize(2);
	}

	@Test
	void refusesAVolunteerOfflineOrOfAnotherRegionAndARequestOutsideTheRegion() {
		StaffAccount offline = volunteer(Presence.OFFLINE);
		StaffAccount elsewhere = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		this.volunteers.register(elsewhere.id(), "36", Set.of("CAF"));
		this.volunteers.qualify(elsewhere.id());
		this.volunteerPresence.choosePresence(elsewhere.id(), Presence.AVAILABLE);
		TicketView waiting = callback("CAF");
		StaffClient grandEst = signIn(coordinator("44"));
		StaffClient centre = signIn(coordinator("24"));

		HttpResponse<String> toOffline = grandEst.postJson("/api/tickets/" + waiting.id() + "/assign",
				"{\"volunteerId\":" + offline.id() + "}");
		HttpResponse<String> toElsewhere = grandEst.postJson("/api/tickets/" + waiting.id() + "/assign",
				"{\"volunteerId\":" + elsewhere.id() + "}");
		HttpResponse<String> outside = centre.postJson("/api/tickets/" + waiting.id() + "/priority", "{}");
		HttpResponse<String> byVolunteer = signIn(offline).postJson("/api/tickets/" + waiting.id() + "/priority", "{}");
		HttpResponse<String> past = grandEst.postJson("/api/tickets/" + waiting.id() + "/reschedule",
				"{\"at\":\"" + this.clock.instant().minus(Duration.ofHours(1)) + "\"}");

		assertThat(toOffline.statusCode()).isEqualTo(409);
		assertThat((String) JsonPath.read(toOffline.body(), "$.code")).isEqualTo("ticket.handover.offline");
		assertThat(toElsewhere.statusCode()).isEqualTo(404);
		assertThat(outside.statusCode()).isEqualTo(404);
		assertThat(byVolunteer.statusCode()).isEqualTo(403);
		assertThat(past.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(past.body(), "$.fields[0].field")).isEqualTo("at");
		TicketView now = this.ticketQueries.find(waiting.id()).orElseThrow();
		assertThat(now.status()).as("nothing changed").isEqualTo(TicketStatus.QUEUED);
		assertThat(now.priority()).isZero();
	}

	@Test
	void aCoordinatorCancelsAWaitingRequestWithAReason() {
		TicketView waiting = callback("CAF");
		StaffClient national = signIn(coordinator(null));

		HttpResponse<String> cancelled = national.postJson("/api/tickets/" + waiting.id() + "/cancel",
				"{\"reason\":\"Doublon d'une demande faite par téléphone\"}");

		assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
		assertThat(this.ticketQueries.find(waiting.id()).orElseThrow().status()).isEqualTo(TicketStatus.CANCELLED);
		assertThat(this.store.lock(waiting.id())).as("out of the queue").isEmpty();
	}

	private TicketView callback(String topic) {
		return this.tickets.open(this.requests.callback(TicketSource.WEB_FORM, topic, "55000",
				TestPhones.randomMobile(), null, Set.of()));
	}

	private StaffAccount volunteer(Presence presence) {
		StaffAccount account = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		this.volunteers.register(account.id(), "55", Set.of("CAF"));
		this.volunteers.qualify(account.id());
		this.volunteers.configureRouting(account.id(), Set.of("fr"), 1, Set.of("55"), Set.of(), false);
		this.volunteerPresence.choosePresence(account.id(), presence);
		return account;
	}

	private StaffAccount coordinator(String region) {
		NewAccount account = NewAccount.of(TestAccounts.uniqueEmail(Role.COORDINATOR), "Coordination Grand Est",
				Role.COORDINATOR, TestAccounts.PASSWORD);
		return TestAccounts.open(this.accounts, (region != null) ? account.inRegion(region) : account);
	}

	private StaffClient signIn(StaffAccount account) {
		StaffClient client = new StaffClient(this.port);
		assertThat(client.login(account.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
		return client;
	}

	private static List<Long> ids(String page) {
		return JsonPath.<List<Integer>>read(page, "$.items[*].id").stream().map(Integer::longValue).toList();
	}

}
