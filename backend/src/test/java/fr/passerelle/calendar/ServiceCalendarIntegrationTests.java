package fr.passerelle.calendar;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestClock;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.NewAccount;
import fr.passerelle.account.Role;
import fr.passerelle.privacy.AuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The help desk's hours and their exceptions, set from the staff app (issue 15): by
 * national coordinators only, a bad value refused beside its field, a stale change
 * refused, every change audited, and read by every instance within seconds. The test
 * clock stands on Monday 1 March 2027, 10:30 in Paris.
 */
@IntegrationTest
class ServiceCalendarIntegrationTests {

	private static final String WEEKDAYS = """
			{"slots":[{"day":"MONDAY","opens":"09:00","closes":"18:00"},{"day":"TUESDAY","opens":"09:00","closes":"18:00"},
			 {"day":"WEDNESDAY","opens":"09:00","closes":"18:00"},{"day":"THURSDAY","opens":"09:00","closes":"18:00"},
			 {"day":"FRIDAY","opens":"09:00","closes":"18:00"}%s],"version":%d}""";

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	OpeningHours hours;

	@Autowired
	ServiceCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	TestClock clock;

	@AfterEach
	void backToTheConfiguredHours() {
		StaffClient national = coordinator(null);
		national.putJson("/api/settings/calendar/weekly", WEEKDAYS.formatted("", version(national)));
		for (Integer id : JsonPath.<List<Integer>>read(national.get("/api/settings/calendar").body(),
				"$.exceptions[*].id")) {
			national.delete("/api/settings/calendar/exceptions/" + id + "?version=" + version(national));
		}
		assertThat(this.hours.exceptions()).isEmpty();
	}

	@Test
	void setsTheWeeklyHoursEffectiveAtOnceAndAudited() {
		StaffClient national = coordinator(null);
		Instant saturdayMorning = Instant.parse("2027-03-06T09:30:00Z");
		assertThat(this.hours.isOpen(saturdayMorning)).isFalse();

		HttpResponse<String> changed = national.putJson("/api/settings/calendar/weekly", WEEKDAYS
			.formatted(",{\"day\":\"SATURDAY\",\"opens\":\"09:00\",\"closes\":\"12:30\"}", version(national)));

		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		assertThat(this.hours.isOpen(saturdayMorning)).isTrue();
		assertThat((List<String>) JsonPath.read(changed.body(), "$.weekly[*].day")).contains("SATURDAY");
		assertThat(this.jdbc
			.sql("SELECT detail FROM audit_event WHERE action = 'OPENING_HOURS_CHANGED' " + "ORDER BY id DESC LIMIT 1")
			.query(String.class)
			.single()).contains("SATURDAY 09:00-12:30");
		assertThat(national.get("/").body()).as("the citizen site").contains("samedi");
	}

	@Test
	void refusesOverlapsAndBackwardsHoursBesideTheSlot() {
		StaffClient national = coordinator(null);
		int version = version(national);

		HttpResponse<String> overlap = national.putJson("/api/settings/calendar/weekly",
				WEEKDAYS.formatted(",{\"day\":\"MONDAY\",\"opens\":\"17:00\",\"closes\":\"19:00\"}", version));
		HttpResponse<String> backwards = national.putJson("/api/settings/calendar/weekly",
				WEEKDAYS.formatted(",{\"day\":\"SUNDAY\",\"opens\":\"17:00\",\"closes\":\"09:00\"}", version));

		assertThat(overlap.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(overlap.body(), "$.fields[0].field")).isEqualTo("slots[5]");
		assertThat((String) JsonPath.read(backwards.body(), "$.fields[0].field")).isEqualTo("slots[5]");
		assertThat(version(national)).as("nothing changed").isEqualTo(version);
	}

	@Test
	void refusesAStaleChangeRegionalCoordinatorsAndVolunteers() {
		StaffClient national = coordinator(null);
		int version = version(national);
		assertThat(national.putJson("/api/settings/calendar/weekly", WEEKDAYS.formatted("", version)).statusCode())
			.isEqualTo(200);

		assertThat(national.putJson("/api/settings/calendar/weekly", WEEKDAYS.formatted("", version)).statusCode())
			.as("stale")
			.isEqualTo(409);
		assertThat(coordinator("53").putJson("/api/settings/calendar/weekly", WEEKDAYS.formatted("", version + 1))
			.statusCode()).isEqualTo(403);
		assertThat(coordinator("53").get("/api/settings/calendar").statusCode()).as("read by every coordinator")
			.isEqualTo(200);
		assertThat(TestAccounts.signedIn(this.accounts, Role.VOLUNTEER, this.port)
			.get("/api/settings/calendar")
			.statusCode()).isEqualTo(403);
	}

	@Test
	void closesForADayWithAMessageAndOpensASundayWithItsOwnHours() {
		StaffClient national = coordinator(null);
		Instant now = this.clock.instant();
		assertThat(this.hours.isOpen(now)).isTrue();

		HttpResponse<String> closed = national.postJson("/api/settings/calendar/exceptions", """
				{"kind":"CLOSED","firstDay":"2027-03-01","lastDay":"2027-03-02","message":"Grève des transports.",
				 "version":%d}""".formatted(version(national)));
		HttpResponse<String> opened = national.postJson("/api/settings/calendar/exceptions", """
				{"kind":"OPEN","firstDay":"2027-03-07","opens":"10:00","closes":"12:00","version":%d}"""
			.formatted(version(national)));

		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
		assertThat(this.hours.isOpen(now)).isFalse();
		assertThat(this.hours.isOpen(Instant.parse("2027-03-02T10:00:00Z"))).isFalse();
		assertThat(this.hours.isOpen(Instant.parse("2027-03-03T10:00:00Z"))).isTrue();
		assertThat(this.hours.closureMessage(now)).contains("Grève des transports.");
		assertThat(this.hours.isOpen(Instant.parse("2027-03-07T09:30:00Z"))).as("Sunday, 10:30 in Paris").isTrue();
		assertThat(this.hours.isOpen(Instant.parse("2027-03-07T11:30:00Z"))).as("Sunday, 12:30 in Paris").isFalse();
		assertThat(this.hours.openingsBetween(Instant.parse("2027-03-07T00:00:00Z"),
				Instant.parse("2027-03-08T00:00:00Z")))
			.containsExactly(
					new TimeWindow(Instant.parse("2027-03-07T09:00:00Z"), Instant.parse("2027-03-07T11:00:00Z")));
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'SERVICE_EXCEPTION_ADDED' "
					+ "AND detail LIKE '%Grève des transports.%'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void refusesAnExceptionInThePastBackwardsOrOverAnotherBesideTheField() {
		StaffClient national = coordinator(null);

		HttpResponse<String> past = national.postJson("/api/settings/calendar/exceptions",
				"{\"kind\":\"CLOSED\",\"firstDay\":\"2027-02-28\",\"version\":%d}".formatted(version(national)));
		HttpResponse<String> backwards = national.postJson("/api/settings/calendar/exceptions",
				"{\"kind\":\"CLOSED\",\"firstDay\":\"2027-03-10\",\"lastDay\":\"2027-03-09\",\"version\":%d}"
					.formatted(version(national)));
		HttpResponse<String> noHours = national.postJson("/api/settings/calendar/exceptions",
				"{\"kind\":\"OPEN\",\"firstDay\":\"2027-03-13\",\"opens\":\"12:00\",\"closes\":\"10:00\",\"version\":%d}"
					.formatted(version(national)));
		national.postJson("/api/settings/calendar/exceptions",
				"{\"kind\":\"CLOSED\",\"firstDay\":\"2027-04-01\",\"lastDay\":\"2027-04-03\",\"version\":%d}"
					.formatted(version(national)));
		HttpResponse<String> over = national.postJson("/api/settings/calendar/exceptions",
				"{\"kind\":\"CLOSED\",\"firstDay\":\"2027-04-03\",\"version\":%d}".formatted(version(national)));

		assertThat((String) JsonPath.read(past.body(), "$.fields[0].field")).isEqualTo("firstDay");
		assertThat((String) JsonPath.read(past.body(), "$.detail")).contains("passé");
		assertThat((String) JsonPath.read(backwards.body(), "$.fields[0].field")).isEqualTo("lastDay");
		assertThat((String) JsonPath.read(noHours.body(), "$.fields[0].field")).isEqualTo("closes");
		assertThat(over.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(over.body(), "$.fields[0].field")).isEqualTo("firstDay");
		assertThat(this.hours.exceptions()).hasSize(1);
	}

	@Test
	void anotherInstanceReadsAChangeWithinSeconds() {
		StaffClient national = coordinator(null);
		OpeningHours elsewhere = new OpeningHours(new OpeningHoursProperties(this.hours.zone(), java.util.Map.of()),
				this.clock);
		ServiceCalendar otherInstance = new ServiceCalendar(this.jdbc, elsewhere, this.audit, this.transactions,
				this.clock);
		otherInstance.start();
		assertThat(elsewhere.isOpen(this.clock.instant())).isTrue();

		national.postJson("/api/settings/calendar/exceptions",
				"{\"kind\":\"CLOSED\",\"firstDay\":\"2027-03-01\",\"message\":\"Neige.\",\"version\":%d}"
					.formatted(version(national)));
		// what its scheduler does every few seconds
		otherInstance.refresh();

		assertThat(elsewhere.isOpen(this.clock.instant())).isFalse();
		assertThat(elsewhere.closureMessage(this.clock.instant())).contains("Neige.");
		assertThat(elsewhere.weekly()).as("the weekly hours kept, not the configuration's")
			.isEqualTo(this.hours.weekly());
		assertThat(LocalTime.of(9, 0)).isEqualTo(elsewhere.weekly().get(0).opens());
		assertThat(LocalDate.of(2027, 3, 1)).isEqualTo(elsewhere.exceptions().get(0).firstDay());
	}

	private StaffClient coordinator(String region) {
		StaffClient client = new StaffClient(this.port);
		var account = TestAccounts.open(this.accounts, new NewAccount(TestAccounts.uniqueEmail(Role.COORDINATOR),
				"Coordination", Role.COORDINATOR, region, TestAccounts.PASSWORD, false));
		assertThat(client.login(account.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
		return client;
	}

	private static int version(StaffClient client) {
		return JsonPath.read(client.get("/api/settings/calendar").body(), "$.version");
	}

}
