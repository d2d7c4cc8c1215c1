package fr.passerelle.statistics;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestClock;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.NewAccount;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summary over HTTP: who may read whose figures, what a wrong question is told, and
 * the CSV a spreadsheet opens. Its records are on 10 June 2031 in Bretagne.
 */
@IntegrationTest
class StatisticsApiIntegrationTests {

	static final Instant LATER = Instant.parse("2031-07-01T10:00:00Z");

	static final String JUNE_10 = "from=2031-06-10&to=2031-06-10";

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Rollups rollups;

	@Autowired
	TestClock clock;

	@BeforeEach
	void writeTheRecords() {
		this.clock.set(LATER);
		boolean written = this.jdbc
			.sql("SELECT COUNT(*) FROM telephony_call WHERE started_at >= '2031-06-10' AND started_at < '2031-06-11'")
			.query(Integer.class)
			.single() > 0;
		if (!written) {
			Records records = new Records(this.jdbc);
			long answered = records.ticket("2031-06-10T08:00:20Z", "PHONE", "LIVE_CALL", "CAF", "35000", "35", "53",
					"RESOLVED", "2031-06-10T08:20:00Z");
			records.call("2031-06-10T08:00:00Z", "2031-06-10T08:00:30Z", "2031-06-10T08:00:45Z", "2031-06-10T08:10:00Z",
					"ANSWERED", "QUEUE", answered);
			records.outcome(answered, TestAccounts.open(this.accounts, Role.VOLUNTEER).id(), "2031-06-10T08:15:00Z",
					"social_sante", "autonome", "finalisee", null);
			long abandoned = records.ticket("2031-06-10T09:00:20Z", "PHONE", "LIVE_CALL", "CAF", "35000", "35", "53",
					"CANCELLED", "2031-06-10T09:02:00Z");
			records.call("2031-06-10T09:00:00Z", "2031-06-10T09:00:30Z", "2031-06-10T09:02:00Z", "2031-06-10T09:02:00Z",
					"ABANDONED", "QUEUE", abandoned);
			records.ticket("2031-06-10T10:00:00Z", "WEB_FORM", "CALLBACK", "CAF", "35000", "35", "53", "SCHEDULED",
					null);
		}
		this.rollups.rebuild(List.of(LocalDate.of(2031, 6, 10)), LATER);
	}

	@Test
	void givesANationalCoordinatorTheFiguresOfTheCountryOrOfARegion() {
		StaffClient national = signedIn(null);

		HttpResponse<String> country = national.get("/api/statistics/summary?" + JUNE_10);
		assertThat(country.statusCode()).isEqualTo(200);
		assertThat(country.body()).contains("\"region\":null", "\"calls\":2", "\"offered\":2", "\"answered\":1",
				"\"abandoned\":1", "\"shortAbandoned\":0", "\"abandonmentRate\":0.5", "\"serviceLevel\":0.5",
				"\"serviceLevelThresholdSeconds\":60",
				"\"speedOfAnswerSeconds\":{\"mean\":15.0,\"p50\":15,\"p90\":15,\"max\":15}", "\"callbackRequests\":1",
				"\"callbackRequestsByChannel\":{\"PHONE\":0,\"WEB\":1", "\"firstAttemptWithin24hRate\":0.0",
				"\"resolutionRate\":0.5", "\"repeatCallers\":0");

		HttpResponse<String> bretagne = national.get("/api/statistics/summary?" + JUNE_10 + "&region=53");
		assertThat(bretagne.body()).contains("\"region\":\"53\"", "\"calls\":2");
		HttpResponse<String> normandie = national.get("/api/statistics/summary?" + JUNE_10 + "&region=28");
		assertThat(normandie.body()).contains("\"region\":\"28\"", "\"calls\":0", "\"abandonmentRate\":null");
	}

	@Test
	void givesARegionalCoordinatorTheirRegionOnly() {
		StaffClient bretagne = signedIn("53");

		assertThat(bretagne.get("/api/statistics/summary?" + JUNE_10).body()).contains("\"region\":\"53\"",
				"\"calls\":2");
		assertThat(bretagne.get("/api/statistics/summary?" + JUNE_10 + "&region=53").statusCode()).isEqualTo(200);
		HttpResponse<String> other = bretagne.get("/api/statistics/summary?" + JUNE_10 + "&region=28");
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(other.body()).contains("statistics.region.forbidden");
		assertThat(bretagne.get("/api/statistics/summary.csv?" + JUNE_10 + "&region=28").statusCode()).isEqualTo(403);
	}

	@Test
	void refusesVolunteersAndVisitors() {
		StaffClient volunteer = TestAccounts.signedIn(this.accounts, Role.VOLUNTEER, this.port);
		assertThat(volunteer.get("/api/statistics/summary?" + JUNE_10).statusCode()).isEqualTo(403);
		assertThat(volunteer.get("/api/statistics/summary.csv?" + JUNE_10).statusCode()).isEqualTo(403);
		assertThat(new StaffClient(this.port).get("/api/statistics/summary?" + JUNE_10).statusCode()).isEqualTo(401);
	}

	@Test
	void tellsWhatIsWrongWithAQuestion() {
		StaffClient national = signedIn(null);

		assertProblem(national.get("/api/statistics/summary?from=2031-06-10"), "statistics.period.missing");
		assertProblem(national.get("/api/statistics/summary?from=2031-06-10&to=10/06/2031"),
				"statistics.period.malformed");
		assertProblem(national.get("/api/statistics/summary?from=2031-06-10&to=2031-06-01"),
				"statistics.period.inverted");
		assertProblem(national.get("/api/statistics/summary?from=1999-01-01&to=2031-06-01"),
				"statistics.period.out-of-range");
		assertProblem(national.get("/api/statistics/summary?from=2031-06-01&to=2099-06-01"),
				"statistics.period.out-of-range");
		assertProblem(national.get("/api/statistics/summary?" + JUNE_10 + "&region=99"), "statistics.region.unknown");
		assertProblem(national.get("/api/statistics/summary.csv?" + JUNE_10 + "&separator=tab"),
				"statistics.csv.separator");
		HttpResponse<String> english = national.speaking("en").get("/api/statistics/summary?from=2031-06-10");
		assertThat(english.body()).contains("Give the start (from) and end (to) of the period");
	}

	@Test
	void exportsTheSummaryAsCsvForASpreadsheet() {
		StaffClient national = signedIn(null);

		HttpResponse<byte[]> french = national.send(national.request("/api/statistics/summary.csv?" + JUNE_10),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(french.statusCode()).isEqualTo(200);
		assertThat(french.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/csv").containsIgnoringCase("charset=UTF-8"));
		assertThat(french.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((disposition) -> assertThat(disposition).startsWith("attachment")
				.contains("passerelle-synthese-FR-2031-06-10-2031-06-10.csv"));
		byte[] body = french.body();
		assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(body, StandardCharsets.UTF_8).substring(1);
		String[] lines = text.split("\r\n");
		assertThat(lines[0]).isEqualTo("du;au;territoire;code;indicateur;valeur;définition");
		assertThat(text).contains("2031-06-10;2031-06-10;FR;calls;Appels reçus;2;Appels au numéro d'aide")
			.contains(";abandonmentRate;Taux d'abandon;0,5;")
			.contains(";speedOfAnswerSeconds.mean;Attente moyenne avant réponse (secondes);15;")
			.contains(";firstAttemptWithin48hRate;Premier essai de rappel en 48 h;0;");
		assertThat(lines).hasSize(1 + 33);

		HttpResponse<String> english = national.speaking("en")
			.get("/api/statistics/summary.csv?" + JUNE_10 + "&separator=comma&decimal=point");
		assertThat(english.body()).contains("from,to,scope,code,figure,value,definition")
			.contains(",abandonmentRate,Abandonment rate,0.5,");
	}

	@Test
	void breaksThePeriodDownInTablesAndExportsEach() {
		StaffClient bretagne = signedIn("53");

		HttpResponse<String> days = bretagne.get("/api/statistics/days?" + JUNE_10);
		assertThat(days.statusCode()).isEqualTo(200);
		assertThat(days.body()).contains("\"region\":\"53\"", "\"key\":\"2031-06-10\"", "\"calls\":2",
				"\"serviceLevel\":0.5");
		assertThat(bretagne.get("/api/statistics/departements?" + JUNE_10).body()).contains("\"key\":\"35\"");
		assertThat(bretagne.get("/api/statistics/themes?" + JUNE_10 + "&region=28").statusCode()).isEqualTo(403);

		HttpResponse<String> csv = bretagne.get("/api/statistics/days.csv?" + JUNE_10);
		assertThat(csv.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((disposition) -> assertThat(disposition).contains("passerelle-jours-53-2031-06-10"));
		String[] lines = csv.body().substring(1).split("\r\n");
		assertThat(lines[0]).startsWith("jour;appels reçus;appels mis en attente;appels répondus;");
		assertThat(lines[1]).startsWith("2031-06-10;2;2;1;1;0;0,5;0,5;15;15;15;");
		assertThat(bretagne.get("/api/statistics/hours.csv?" + JUNE_10).body().split("\r\n"))
			.as("a header and every hour of the week")
			.hasSize(1 + 7 * 24);
		assertThat(bretagne.get("/api/statistics/outcomes?" + JUNE_10).body()).contains("\"forms\":1",
				"\"completion\":{\"finalisee\":1}");
	}

	@Test
	void exportsTheNationalActivityReportWithTheReportsCodesAndNothingAboutThePerson() {
		StaffClient national = signedIn(null);

		HttpResponse<String> report = national.get("/api/statistics/activity-report.csv?" + JUNE_10 + "&region=53");

		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(report.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(disposition) -> assertThat(disposition).contains("passerelle-compte-rendu-53-2031-06-10"));
		assertThat(report.body().substring(1).split("\r\n")).containsExactly(
				"date;departement;type;lieu;duree_minutes;thematiques_demarche;thematiques_accompagnement;materiel;"
						+ "autonomie;demarche_finalisee;structure_redirection",
				"2031-06-10;35;demarche_administrative;a_distance;20;social_sante;navigation_sur_internet;telephone;"
						+ "autonome;finalisee;");
		assertThat(national.get("/api/statistics/activity-report.csv?" + JUNE_10 + "&region=28").body().split("\r\n"))
			.as("the header alone")
			.hasSize(1);
	}

	@Test
	void showsAVolunteerTheirOwnLineOnly() {
		StaffClient volunteer = TestAccounts.signedIn(this.accounts, Role.VOLUNTEER, this.port);

		HttpResponse<String> mine = volunteer.get("/api/statistics/mine?" + JUNE_10);
		assertThat(mine.statusCode()).isEqualTo(200);
		assertThat(mine.body()).contains("\"answered\":0", "\"callbacksMade\":0", "\"occupancy\":null");
		assertThat(volunteer.get("/api/statistics/volunteers?" + JUNE_10).statusCode()).isEqualTo(403);
	}

	@Test
	void explainsEveryFigure() {
		StaffClient coordinator = signedIn("53");

		HttpResponse<String> definitions = coordinator.get("/api/statistics/definitions");
		assertThat(definitions.statusCode()).isEqualTo(200);
		assertThat(definitions.body()).contains(
				"\"abandonmentRate\":{\"label\":\"Taux d'abandon\",\"definition\":\"Appels abandonnés ÷ (appels mis en attente − abandons courts).\"}")
			.doesNotContain("statistics.figure.");
	}

	@Test
	void describesTheSummaryInTheApiDescription() {
		String description = new StaffClient(this.port).get("/v3/api-docs").body();

		assertThat(description).contains("/api/statistics/summary\"", "/api/statistics/summary.csv",
				"Rates are fractions between 0 and 1", "text/csv", "speedOfAnswerSeconds", "callbackRequestsByChannel");
	}

	private StaffClient signedIn(String region) {
		StaffAccount account = TestAccounts.open(this.accounts,
				new NewAccount(TestAccounts.uniqueEmail(Role.COORDINATOR), "Coordination", Role.COORDINATOR, region,
						TestAccounts.PASSWORD, false));
		StaffClient client = new StaffClient(this.port);
		assertThat(client.login(account.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
		return client;
	}

	private static void assertProblem(HttpResponse<String> answer, String code) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
		assertThat(answer.body()).contains("\"code\":\"" + code + "\"");
	}

}
