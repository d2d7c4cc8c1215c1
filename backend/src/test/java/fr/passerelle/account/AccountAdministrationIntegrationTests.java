package fr.passerelle.account;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.ticket.HelpRequests;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestClock;
import fr.passerelle.TestPhones;
import fr.passerelle.routing.Routing;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketQueries;
import fr.passerelle.ticket.TicketSource;
import fr.passerelle.ticket.TicketStatus;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.volunteer.Presence;
import fr.passerelle.volunteer.Volunteers;
import fr.passerelle.volunteer.VolunteerPresence;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cutting someone off (issue 13, finding 5): a deactivation or a role change takes effect
 * on the sessions already open, not at the next sign-in. Requests are in the Cher (18),
 * where no other test works.
 */
@IntegrationTest
class AccountAdministrationIntegrationTests {

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
	TestClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAccountDisabledInTheDatabaseLosesItsOpenSession() {
		StaffAccount coordinator = TestAccounts.open(this.accounts, Role.COORDINATOR);
		StaffClient app = signIn(coordinator);
		assertThat(app.get("/api/volunteer-applications").statusCode()).isEqualTo(200);

		this.jdbc.sql("UPDATE account SET enabled = FALSE WHERE id = ?").param(coordinator.id()).update();

		assertThat(app.get("/api/volunteer-applications").statusCode()).isEqualTo(401);
		assertThat(app.get("/api/auth/me").statusCode()).isEqualTo(401);
	}

	@Test
	void aRoleChangedInTheDatabaseTakesEffectOnTheOpenSession() {
		StaffAccount coordinator = TestAccounts.open(this.accounts, Role.COORDINATOR);
		StaffClient app = signIn(coordinator);

		this.jdbc.sql("UPDATE account SET role = 'VOLUNTEER' WHERE id = ?").param(coordinator.id()).update();

		assertThat(app.get("/api/volunteer-applications").statusCode()).isEqualTo(403);
		assertThat((String) JsonPath.read(app.get("/api/auth/me").body(), "$.role")).isEqualTo("VOLUNTEER");
	}

	@Test
	void theRolesOfAPathAreCheckedBeforeItsBodyIsRead() {
		StaffClient coordinator = signIn(TestAccounts.open(this.accounts, Role.COORDINATOR));
		for (String body : new String[] { "{}", "{\"role\":\"ADMIN\",\"enabled\":true}", "not json" }) {
			HttpResponse<String> refused = coordinator.putJson("/api/admin/accounts/1", body);
			assertThat(refused.statusCode()).as(body).isEqualTo(403);
			assertThat((String) JsonPath.read(refused.body(), "$.code")).isEqualTo("account.access-denied");
		}
	}

	@Test
	void anAdministratorDeactivatesAVolunteerWhoseRequestsGoBackInTheirPlace() {
		StaffClient admin = signIn(TestAccounts.open(this.accounts, Role.ADMIN));
		StaffAccount volunteer = volunteer();
		StaffClient volunteerApp = signIn(volunteer);
		TicketView waiting = callback();
		this.volunteerPresence.choosePresence(volunteer.id(), Presence.AVAILABLE);
		TicketView held = this.routing.takeNext(volunteer.id()).orElseThrow();
		assertThat(held.id()).isEqualTo(waiting.id());
		this.clock.advance(Duration.ofSeconds(5));

		HttpResponse<String> deactivated = admin.putJson("/api/admin/accounts/" + volunteer.id(),
				"{\"role\":\"VOLUNTEER\",\"enabled\":false}");
		HttpResponse<String> again = admin.putJson("/api/admin/accounts/" + volunteer.id(),
				"{\"role\":\"VOLUNTEER\",\"enabled\":false}");

		assertThat(deactivated.statusCode()).isEqualTo(200);
		assertThat((Boolean) JsonPath.read(deactivated.body(), "$.enabled")).isFalse();
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(volunteerApp.get("/api/tickets").statusCode()).isEqualTo(401);
		assertThat(new StaffClient(this.port).login(volunteer.email(), TestAccounts.PASSWORD).statusCode())
			.isEqualTo(401);
		TicketView back = this.ticketQueries.find(held.id()).orElseThrow();
		assertThat(back.status()).isEqualTo(TicketStatus.QUEUED);
		assertThat(back.assigneeId()).isNull();
		assertThat(back.waitingSince()).as("in its place").isEqualTo(waiting.waitingSince());
		assertThat(this.volunteerPresence.presence(volunteer.id()).status()).isEqualTo(Presence.OFFLINE);
	}

	@Test
	void aCoordinatorMadeVolunteerIsSignedOutAtOnce() {
		StaffClient admin = signIn(TestAccounts.open(this.accounts, Role.ADMIN));
		StaffAccount coordinator = TestAccounts.open(this.accounts, Role.COORDINATOR);
		StaffClient app = signIn(coordinator);

		HttpResponse<String> changed = admin.putJson("/api/admin/accounts/" + coordinator.id(),
				"{\"role\":\"VOLUNTEER\",\"regionCode\":null,\"enabled\":true}");

		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(app.get("/api/auth/me").statusCode()).isEqualTo(401);
		HttpResponse<String> login = new StaffClient(this.port).login(coordinator.email(), TestAccounts.PASSWORD);
		assertThat((String) JsonPath.read(login.body(), "$.role")).isEqualTo("VOLUNTEER");
	}

	@Test
	void aStaleEditIsRefusedRatherThanOverwritingAChangeMadeMeanwhile() throws Exception {
		StaffClient first = signIn(TestAccounts.open(this.accounts, Role.ADMIN));
		StaffClient second = signIn(TestAccounts.open(this.accounts, Role.ADMIN));
		StaffAccount coordinator = TestAccounts.open(this.accounts, Role.COORDINATOR);
		long read = version(first, coordinator);

		HttpResponse<String> bretagne = first.putJson("/api/admin/accounts/" + coordinator.id(), change("53", read));
		HttpResponse<String> stale = second.putJson("/api/admin/accounts/" + coordinator.id(), change("84", read));
		HttpResponse<String> retried = first.putJson("/api/admin/accounts/" + coordinator.id(), change("53", read));

		assertThat(bretagne.statusCode()).isEqualTo(200);
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat((String) JsonPath.read(stale.body(), "$.code")).isEqualTo("problem.changed-meanwhile");
		assertThat((String) JsonPath.read(stale.body(), "$.detail")).contains("modifié cette fiche entre-temps");
		assertThat(retried.statusCode()).as("the same change sent again").isEqualTo(200);
		assertThat((String) JsonPath.read(retried.body(), "$.regionCode")).isEqualTo("53");

		// two administrators saving at the same instant two régions the account is not
		// in:
		// one change wins, the other is told
		String[][] rounds = { { "84", "11" }, { "27", "76" }, { "93", "44" }, { "24", "28" }, { "32", "52" } };
		for (int round = 0; round < rounds.length; round++) {
			long current = version(first, coordinator);
			String[] regions = rounds[round];
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService both = Executors.newFixedThreadPool(2);
			try {
				Future<HttpResponse<String>> one = both.submit(() -> {
					start.await();
					return first.putJson("/api/admin/accounts/" + coordinator.id(), change(regions[0], current));
				});
				Future<HttpResponse<String>> other = both.submit(() -> {
					start.await();
					return second.putJson("/api/admin/accounts/" + coordinator.id(), change(regions[1], current));
				});
				start.countDown();
				assertThat(List.of(one.get().statusCode(), other.get().statusCode())).as("round " + round)
					.containsExactlyInAnyOrder(200, 409);
			}
			finally {
				both.shutdownNow();
			}
		}
	}

	private static long version(StaffClient admin, StaffAccount account) {
		List<Number> versions = JsonPath.read(admin.get("/api/admin/accounts").body(),
				"$[?(@.id == " + account.id() + ")].version");
		return versions.get(0).longValue();
	}

	private static String change(String region, long version) {
		return "{\"role\":\"COORDINATOR\",\"regionCode\":\"" + region + "\",\"enabled\":true,\"version\":" + version
				+ "}";
	}

	@Test
	void refusesWhatDoesNotHoldTogetherAndThoseWhoAreNotAdministrators() {
		StaffClient admin = signIn(TestAccounts.open(this.accounts, Role.ADMIN));
		StaffAccount volunteer = TestAccounts.open(this.accounts, Role.VOLUNTEER);

		assertThat(admin
			.putJson("/api/admin/accounts/" + volunteer.id(),
					"{\"role\":\"VOLUNTEER\",\"regionCode\":\"27\",\"enabled\":true}")
			.statusCode()).as("only coordinators have a région").isEqualTo(400);
		assertThat(admin.putJson("/api/admin/accounts/" + volunteer.id(), "{\"role\":\"KING\",\"enabled\":true}")
			.statusCode()).isEqualTo(400);
		assertThat(admin.putJson("/api/admin/accounts/" + Long.MAX_VALUE, "{\"role\":\"VOLUNTEER\",\"enabled\":true}")
			.statusCode()).isEqualTo(404);
		HttpResponse<String> list = admin.get("/api/admin/accounts");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains(volunteer.email()).doesNotContain("password");
		for (Role role : new Role[] { Role.VOLUNTEER, Role.COORDINATOR }) {
			StaffClient other = TestAccounts.signedIn(this.accounts, role, this.port);
			assertThat(other.get("/api/admin/accounts").statusCode()).isEqualTo(403);
			assertThat(other.putJson("/api/admin/accounts/" + volunteer.id(), "{\"role\":\"ADMIN\",\"enabled\":true}")
				.statusCode()).isEqualTo(403);
		}
		assertThat(new StaffClient(this.port).get("/api/admin/accounts").statusCode()).isEqualTo(401);
	}

	private TicketView callback() {
		return this.tickets.open(this.requests.callback(TicketSource.WEB_FORM, "CAF", "18000",
				TestPhones.randomMobile(), null, Set.of()));
	}

	private StaffAccount volunteer() {
		StaffAccount account = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		this.volunteers.register(account.id(), "18", Set.of("CAF"));
		this.volunteers.qualify(account.id());
		this.volunteerPresence.choosePresence(account.id(), Presence.PAUSED);
		return account;
	}

	private StaffClient signIn(StaffAccount account) {
		StaffClient app = new StaffClient(this.port);
		assertThat(app.login(account.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
		return app;
	}

}
