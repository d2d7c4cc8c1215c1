package fr.passerelle.statistics;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;

import fr.passerelle.ticket.HelpRequests;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestClock;
import fr.passerelle.TestPhones;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.NewAccount;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.ticket.HelpRequest;
import fr.passerelle.ticket.TicketKind;
import fr.passerelle.ticket.TicketManagement;
import fr.passerelle.ticket.TicketSource;
import fr.passerelle.ticket.TicketView;
import fr.passerelle.volunteer.Presence;
import fr.passerelle.volunteer.Shift;
import fr.passerelle.volunteer.Volunteers;
import fr.passerelle.volunteer.VolunteerShifts;
import fr.passerelle.volunteer.WrapUps;
import fr.passerelle.volunteer.VolunteerPresence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wallboard of Mayotte (région 06, département 976), where no other test works: who
 * waits, where the volunteers are, today's figures against their targets, and the
 * coverage alert when callers wait with nobody to answer them.
 */
@IntegrationTest
class WallboardIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	HelpRequests requests;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	VolunteerShifts volunteerShifts;

	@Autowired
	WrapUps wrapUps;

	@Autowired
	VolunteerPresence volunteerPresence;

	@Autowired
	TicketManagement tickets;

	@Autowired
	Alerts alerts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@AfterEach
	void nothingLeftWaitingInMayotte() {
		this.jdbc.sql("SELECT ticket_id FROM routing_entry WHERE departement_code = '976'")
			.query(Long.class)
			.list()
			.forEach((id) -> this.tickets.cancel(id, null, "TEST_OVER"));
		this.jdbc.sql("""
				UPDATE volunteer_presence p JOIN volunteer v ON v.account_id = p.account_id
				SET p.status = 'OFFLINE', p.wrap_up_until = NULL WHERE v.departement_code = '976'""").update();
		this.jdbc
			.sql("DELETE FROM volunteer_shift WHERE account_id IN "
					+ "(SELECT account_id FROM volunteer WHERE departement_code = '976')")
			.update();
		this.alerts.check();
	}

	@Test
	void showsWhoWaitsWhereTheVolunteersAreAndTodaysFigures() {
		Instant now = this.clock.instant();
		volunteer(Presence.AVAILABLE);
		volunteer(Presence.AVAILABLE);
		long wrappingUp = volunteer(Presence.AVAILABLE);
		this.wrapUps.startWrapUp(wrappingUp, Duration.ofMinutes(1));
		volunteer(Presence.PAUSED);
		long onShift = volunteer(Presence.OFFLINE);
		// 12:30 in Mayotte (UTC+3) on this Monday
		this.volunteerShifts.replaceShifts(onShift,
				List.of(new Shift(DayOfWeek.MONDAY, LocalTime.of(12, 0), LocalTime.of(14, 0))), false);
		TicketView caller = open(TicketKind.LIVE_CALL);
		this.clock.advance(Duration.ofSeconds(30));
		open(TicketKind.CALLBACK);
		open(TicketKind.CALLBACK);
		Records records = new Records(this.jdbc);
		long answered = records.ticket(now.minusSeconds(600).toString(), "PHONE", "LIVE_CALL", "CAF", "97600", "976",
				"06", "RESOLVED", now.minusSeconds(60).toString());
		records.call(now.minusSeconds(620).toString(), now.minusSeconds(600).toString(),
				now.minusSeconds(590).toString(), now.minusSeconds(300).toString(), "ANSWERED", "QUEUE", answered);

		HttpResponse<String> board = national().get("/api/statistics/wallboard?region=06");

		assertThat(board.statusCode()).isEqualTo(200);
		String json = board.body();
		assertThat((String) JsonPath.read(json, "$.scope")).isEqualTo("06");
		assertThat((Integer) JsonPath.read(json, "$.queue.callersWaiting")).isEqualTo(1);
		assertThat((String) JsonPath.read(json, "$.queue.longestWaitSince")).isEqualTo(caller.createdAt().toString());
		assertThat((Integer) JsonPath.read(json, "$.queue.callbacksDue")).isEqualTo(2);
		assertThat((Integer) JsonPath.read(json, "$.volunteers.available")).isEqualTo(2);
		assertThat((Integer) JsonPath.read(json, "$.volunteers.wrapUp")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(json, "$.volunteers.onBreak")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(json, "$.volunteers.onShiftOffline")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(json, "$.today.answered")).isEqualTo(1);
		assertThat((Double) JsonPath.read(json, "$.today.serviceLevel")).isEqualTo(1.0);
		assertThat((String) JsonPath.read(json, "$.status.serviceLevel")).isEqualTo("GOOD");
		assertThat((List<String>) JsonPath.read(json, "$.areas[*].code")).containsExactly("976");
		assertThat((Integer) JsonPath.read(json, "$.areas[0].queue.callbacksDue")).isEqualTo(2);

		String country = national().get("/api/statistics/wallboard").body();
		assertThat((String) JsonPath.read(country, "$.scope")).isEqualTo("FR");
		assertThat((List<String>) JsonPath.read(country, "$.areas[*].code")).contains("06", "53", "84").hasSize(18);
		assertThat((List<Integer>) JsonPath.read(country, "$.areas[?(@.code == '06')].queue.callbacksDue"))
			.containsExactly(2);
	}

	@Test
	void showsARegionalCoordinatorTheirRegionOnlyAndVolunteersNothing() {
		StaffClient mayotte = coordinator("06");
		assertThat((String) JsonPath.read(mayotte.get("/api/statistics/wallboard").body(), "$.scope")).isEqualTo("06");
		assertThat(mayotte.get("/api/statistics/wallboard?region=53").statusCode()).isEqualTo(403);
		assertThat(TestAccounts.signedIn(this.accounts, Role.VOLUNTEER, this.port)
			.get("/api/statistics/wallboard")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void raisesAnAlertWhenCallersWaitWithNobodyToAnswerThemAndEndsIt() {
		open(TicketKind.LIVE_CALL);

		assertThat(this.alerts.check()).extracting(Wallboard.Alert::scope).contains("06");
		assertThat(this.alerts.check()).as("raised once").extracting(Wallboard.Alert::scope).doesNotContain("06");
		assertThat((List<String>) JsonPath.read(national().get("/api/statistics/wallboard?region=06").body(),
				"$.alerts[*].rule"))
			.containsExactly("NOBODY_AVAILABLE");

		this.jdbc.sql("SELECT ticket_id FROM routing_entry WHERE departement_code = '976'")
			.query(Long.class)
			.list()
			.forEach((id) -> this.tickets.cancel(id, null, "CALLER_HUNG_UP"));
		this.alerts.check();
		assertThat(
				(List<String>) JsonPath.read(national().get("/api/statistics/wallboard?region=06").body(), "$.alerts"))
			.isEmpty();
	}

	@Test
	void letsNationalCoordinatorsSetTheTargetsTheFiguresAreColouredAgainst() {
		StaffClient national = national();
		String targets = """
				{"serviceLevelThresholdSeconds":45,"serviceLevel":0.85,"abandonmentRate":0.05,"firstAttemptWithin24hRate":0.9}""";
		try {
			HttpResponse<String> set = national.putJson("/api/statistics/targets", targets);
			assertThat(set.statusCode()).isEqualTo(200);
			assertThat(set.body()).contains("\"serviceLevelThresholdSeconds\":45", "\"serviceLevel\":0.85");
			assertThat((Integer) JsonPath.read(national.get("/api/statistics/wallboard").body(),
					"$.targets.serviceLevelThresholdSeconds"))
				.isEqualTo(45);
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'TARGETS_CHANGED'")
				.query(Integer.class)
				.single()).isPositive();

			assertThat(coordinator("06").putJson("/api/statistics/targets", targets).statusCode()).isEqualTo(403);
			assertThat(national.putJson("/api/statistics/targets", targets.replace("45", "500")).statusCode())
				.isEqualTo(400);
			assertThat(national.putJson("/api/statistics/targets", targets.replace("0.85", "85")).statusCode())
				.isEqualTo(400);
			assertThat(national.putJson("/api/statistics/targets", "{}").statusCode()).isEqualTo(400);
		}
		finally {
			national.putJson("/api/statistics/targets",
					"""
							{"serviceLevelThresholdSeconds":60,"serviceLevel":0.8,"abandonmentRate":0.08,"firstAttemptWithin24hRate":0.9}""");
		}
	}

	@Test
	void judgesEachFigureAgainstItsTarget() {
		Map<String, String> status = new LinkedHashMap<>();
		Wallboards.judge(status, "serviceLevel", 0.82, 0.8, true);
		Wallboards.judge(status, "serviceLevel2", 0.75, 0.8, true);
		Wallboards.judge(status, "serviceLevel3", 0.6, 0.8, true);
		Wallboards.judge(status, "abandonmentRate", 0.1, 0.08, false);
		Wallboards.judge(status, "none", null, 0.8, true);

		assertThat(status).containsExactly(Map.entry("serviceLevel", "GOOD"), Map.entry("serviceLevel2", "WARNING"),
				Map.entry("serviceLevel3", "BAD"), Map.entry("abandonmentRate", "WARNING"));
	}

	private TicketView open(TicketKind kind) {
		return this.tickets.open(new HelpRequest(TicketSource.PHONE, kind, this.requests.topic("CAF"),
				this.requests.area("97600"), this.requests.phone(TestPhones.randomMobile()), null, Set.of(), null));
	}

	private long volunteer(Presence presence) {
		StaffAccount account = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		this.volunteers.register(account.id(), "976", Set.of("CAF"));
		this.volunteers.qualify(account.id());
		this.volunteerPresence.choosePresence(account.id(), presence);
		return account.id();
	}

	private StaffClient national() {
		return coordinator(null);
	}

	private StaffClient coordinator(String region) {
		StaffAccount account = TestAccounts.open(this.accounts,
				new NewAccount(TestAccounts.uniqueEmail(Role.COORDINATOR), "Coordination", Role.COORDINATOR, region,
						TestAccounts.PASSWORD, false));
		StaffClient client = new StaffClient(this.port);
		assertThat(client.login(account.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
		return client;
	}

}
