package fr.passerelle.volunteer;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.NewAccount;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coordinators manage the volunteers of their région over HTTP (issue 15): their themes,
 * languages, territories and capacity, their shifts, and a training done in person; each
 * change in the audit log, a stale one refused, a bad value refused beside its field. The
 * volunteers live in Corse-du-Sud (2A, région 94).
 */
@IntegrationTest
class VolunteerDirectoryIntegrationTests {

	private static final String CORSICA = "94";

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	VolunteerShifts volunteerShifts;

	@Autowired
	VolunteerPresence volunteerPresence;

	@Autowired
	JdbcClient jdbc;

	@Test
	void listsTheVolunteersOfTheCoordinatorsRegionOnly() {
		long mine = volunteer(true);
		StaffAccount elsewhere = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		this.volunteers.register(elsewhere.id(), "35", Set.of("CAF"));

		String corsica = coordinator(CORSICA).get("/api/volunteers").body();
		String national = coordinator(null).get("/api/volunteers").body();

		assertThat((List<Integer>) JsonPath.read(corsica, "$[*].id")).contains((int) mine)
			.doesNotContain((int) elsewhere.id());
		assertThat((List<String>) JsonPath.read(corsica, "$[*].regionCode")).containsOnly(CORSICA);
		assertThat((List<Integer>) JsonPath.read(national, "$[*].id")).contains((int) mine, (int) elsewhere.id());
	}

	@Test
	void setsAProfileAndKeepsWhatItReplacedInTheAuditLog() {
		long volunteer = volunteer(true);
		StaffClient coordinator = coordinator(CORSICA);
		int version = version(coordinator, volunteer);

		HttpResponse<String> changed = coordinator.putJson("/api/volunteers/" + volunteer + "/profile", """
				{"skills":["CAF","TAXES"],"languages":["fr","it"],"capacity":3,"servedDepartements":["2A","2B"],
				 "servedRegions":["94"],"servesNationally":true,"version":%d}""".formatted(version));

		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(changed.body(), "$.capacity")).isEqualTo(3);
		assertThat((Integer) JsonPath.read(changed.body(), "$.version")).isEqualTo(version + 1);
		RoutingProfile routing = this.volunteers.routingProfile(volunteer).orElseThrow();
		assertThat(routing.skills()).containsExactlyInAnyOrder("CAF", "TAXES");
		assertThat(routing.languages()).containsExactlyInAnyOrder("fr", "it");
		assertThat(routing.servedDepartements()).containsExactlyInAnyOrder("2A", "2B");
		assertThat(routing.servedRegions()).containsExactly("94");
		assertThat(routing.servesNationally()).isTrue();
		assertThat(this.jdbc
			.sql("SELECT detail FROM audit_event WHERE action = 'VOLUNTEER_PROFILE_CHANGED' AND target = ?")
			.param("volunteer/" + volunteer)
			.query(String.class)
			.single()).contains("\"before\"", "\"capacity\":1", "\"capacity\":3", "TAXES");

		HttpResponse<String> again = coordinator.putJson("/api/volunteers/" + volunteer + "/profile", """
				{"skills":["CAF","TAXES"],"languages":["fr","it"],"capacity":3,"servedDepartements":["2A","2B"],
				 "servedRegions":["94"],"servesNationally":true,"version":%d}""".formatted(version + 1));
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(again.body(), "$.version")).as("the same again changes nothing")
			.isEqualTo(version + 1);
	}

	@Test
	void refusesAChangeMadeOnWhatSomeoneElseChangedMeanwhile() {
		long volunteer = volunteer(true);
		StaffClient first = coordinator(CORSICA);
		StaffClient second = coordinator(null);
		int version = version(first, volunteer);
		assertThat(second.putJson("/api/volunteers/" + volunteer + "/profile", profile(2, "CAF", "2A", version))
			.statusCode()).isEqualTo(200);

		HttpResponse<String> stale = first.putJson("/api/volunteers/" + volunteer + "/profile",
				profile(3, "CAF", "2A", version));

		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(this.volunteers.routingProfile(volunteer).orElseThrow().capacity()).as("the first change kept")
			.isEqualTo(2);
	}

	@Test
	void refusesABadValueBesideItsField() {
		long volunteer = volunteer(true);
		StaffClient coordinator = coordinator(CORSICA);
		int version = version(coordinator, volunteer);

		for (int capacity : new int[] { 0, 10 }) {
			HttpResponse<String> refused = coordinator.putJson("/api/volunteers/" + volunteer + "/profile",
					profile(capacity, "CAF", "2A", version));
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat((List<String>) JsonPath.read(refused.body(), "$.fields[*].field")).containsExactly("capacity");
		}
		HttpResponse<String> unknownTheme = coordinator.putJson("/api/volunteers/" + volunteer + "/profile",
				profile(1, "ASTROLOGIE", "2A", version));
		assertThat(unknownTheme.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(unknownTheme.body(), "$.fields[0].field")).isEqualTo("skills");
		assertThat((String) JsonPath.read(unknownTheme.body(), "$.fields[0].message")).contains("ASTROLOGIE");
		HttpResponse<String> outside = coordinator.putJson("/api/volunteers/" + volunteer + "/profile",
				profile(1, "CAF", "35", version));
		assertThat(outside.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(outside.body(), "$.fields[0].field")).isEqualTo("servedDepartements");
		assertThat((String) JsonPath.read(outside.body(), "$.detail")).contains("hors de votre région");
		assertThat(version(coordinator, volunteer)).as("nothing changed").isEqualTo(version);
	}

	@Test
	void letsARegionalCoordinatorKeepATerritoryANationalOneGaveElsewhere() {
		long volunteer = volunteer(true);
		StaffClient national = coordinator(null);
		StaffClient corsica = coordinator(CORSICA);
		assertThat(national
			.putJson("/api/volunteers/" + volunteer + "/profile", profile(1, "CAF", "35", version(national, volunteer)))
			.statusCode()).isEqualTo(200);

		HttpResponse<String> kept = corsica.putJson("/api/volunteers/" + volunteer + "/profile",
				profile(2, "CAF", "35", version(corsica, volunteer)));
		HttpResponse<String> added = corsica.putJson("/api/volunteers/" + volunteer + "/profile",
				profile(2, "CAF", "29", version(corsica, volunteer)));

		assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
		assertThat(added.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(added.body(), "$.fields[0].field")).isEqualTo("servedDepartements");
	}

	@Test
	void refusesOtherRegionsCoordinatorsAndVolunteers() {
		long volunteer = volunteer(true);
		StaffClient brittany = coordinator("53");
		StaffClient aVolunteer = TestAccounts.signedIn(this.accounts, Role.VOLUNTEER, this.port);

		assertThat(brittany.get("/api/volunteers/" + volunteer).statusCode()).isEqualTo(403);
		assertThat(
				brittany.putJson("/api/volunteers/" + volunteer + "/profile", profile(2, "CAF", "2A", 0)).statusCode())
			.isEqualTo(403);
		assertThat(aVolunteer.get("/api/volunteers").statusCode()).isEqualTo(403);
		assertThat(aVolunteer.get("/api/volunteers/" + volunteer).statusCode()).isEqualTo(403);
		assertThat(coordinator(CORSICA).get("/api/volunteers/999999999").statusCode()).isEqualTo(404);
	}

	@Test
	void replacesShiftsAndRefusesAnOverlapBesideTheShift() {
		long volunteer = volunteer(true);
		StaffClient coordinator = coordinator(CORSICA);
		int version = version(coordinator, volunteer);

		HttpResponse<String> overlapping = coordinator.putJson("/api/volunteers/" + volunteer + "/shifts", """
				{"shifts":[{"day":"MONDAY","starts":"09:00","ends":"12:00"},
				           {"day":"MONDAY","starts":"11:00","ends":"13:00"}],
				 "availableAtShiftStart":true,"version":%d}""".formatted(version));
		assertThat(overlapping.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(overlapping.body(), "$.fields[0].field")).isEqualTo("shifts[1]");
		HttpResponse<String> backwards = coordinator.putJson("/api/volunteers/" + volunteer + "/shifts", """
				{"shifts":[{"day":"MONDAY","starts":"12:00","ends":"09:00"}],
				 "availableAtShiftStart":true,"version":%d}""".formatted(version));
		assertThat((String) JsonPath.read(backwards.body(), "$.fields[0].field")).isEqualTo("shifts[0]");

		HttpResponse<String> saved = coordinator.putJson("/api/volunteers/" + volunteer + "/shifts", """
				{"shifts":[{"day":"TUESDAY","starts":"14:00","ends":"17:00"},
				           {"day":"MONDAY","starts":"09:00","ends":"12:00"}],
				 "availableAtShiftStart":true,"version":%d}""".formatted(version));

		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		assertThat(this.volunteerShifts.shifts(volunteer)).extracting(Shift::day)
			.containsExactly(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.TUESDAY);
		assertThat(this.volunteerShifts.availableAtShiftStart(volunteer)).isTrue();
		assertThat(
				this.jdbc.sql("SELECT detail FROM audit_event WHERE action = 'VOLUNTEER_SHIFTS_CHANGED' AND target = ?")
					.param("volunteer/" + volunteer)
					.query(String.class)
					.single())
			.contains("MONDAY 09:00-12:00");
	}

	@Test
	void vouchesForATrainingDoneInPersonOnceTheSignUpIsApproved() {
		long pending = volunteer(false);
		long approved = volunteer(false);
		this.jdbc.sql("UPDATE volunteer SET approved_at = NOW(6) WHERE account_id = ?").param(approved).update();
		StaffClient coordinator = coordinator(CORSICA);

		HttpResponse<String> notApproved = coordinator.postJson("/api/volunteers/" + pending + "/training",
				"{\"reason\":\"Formée à la permanence d'Ajaccio\",\"version\":%d}"
					.formatted(version(coordinator, pending)));
		assertThat(notApproved.statusCode()).isEqualTo(400);
		HttpResponse<String> noReason = coordinator.postJson("/api/volunteers/" + approved + "/training",
				"{\"reason\":\"  \",\"version\":%d}".formatted(version(coordinator, approved)));
		assertThat((String) JsonPath.read(noReason.body(), "$.fields[0].field")).isEqualTo("reason");
		assertThat(this.volunteers.routingProfile(approved).orElseThrow().qualified()).isFalse();

		HttpResponse<String> vouched = coordinator.postJson("/api/volunteers/" + approved + "/training",
				"{\"reason\":\"Formée à la permanence d'Ajaccio\",\"version\":%d}"
					.formatted(version(coordinator, approved)));

		assertThat(vouched.statusCode()).as(vouched.body()).isEqualTo(200);
		assertThat((String) JsonPath.read(vouched.body(), "$.trainedInPersonReason"))
			.isEqualTo("Formée à la permanence d'Ajaccio");
		assertThat((String) JsonPath.read(vouched.body(), "$.training.trainedAt")).isNotNull();
		assertThat(this.volunteers.routingProfile(approved).orElseThrow().qualified()).isTrue();
		assertThat(this.volunteerPresence.choosePresence(approved, Presence.AVAILABLE).status()).as("may take calls")
			.isEqualTo(Presence.AVAILABLE);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'TRAINING_VALIDATED' AND target = ?")
			.param("volunteer/" + approved)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private long volunteer(boolean qualified) {
		StaffAccount account = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		this.volunteers.register(account.id(), "2A", Set.of("CAF"));
		if (qualified) {
			this.volunteers.qualify(account.id());
		}
		return account.id();
	}

	private StaffClient coordinator(String region) {
		StaffAccount account = TestAccounts.open(this.accounts,
				new NewAccount(TestAccounts.uniqueEmail(Role.COORDINATOR), "Coordination", Role.COORDINATOR, region,
						TestAccounts.PASSWORD, false));
		StaffClient client = new StaffClient(this.port);
		assertThat(client.login(account.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
		return client;
	}

	private static int version(StaffClient coordinator, long volunteer) {
		HttpResponse<String> file = coordinator.get("/api/volunteers/" + volunteer);
		assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
		return JsonPath.read(file.body(), "$.version");
	}

	private static String profile(int capacity, String skill, String departement, int version) {
		return """
				{"skills":["%s"],"languages":["fr"],"capacity":%d,"servedDepartements":["%s"],"servedRegions":[],
				 "servesNationally":false,"version":%d}""".formatted(skill, capacity, departement, version);
	}

}
