package fr.passerelle.telephony;

import fr.passerelle.telephony.simulator.TwilioSimulator;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.awaitility.Awaitility;

import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestClock;
import fr.passerelle.TestPhones;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.NewAccount;
import fr.passerelle.account.Role;
import fr.passerelle.account.StaffAccount;
import fr.passerelle.privacy.PhoneNumber;
import fr.passerelle.statistics.CoverageAlertRaised;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coverage alert is texted, from the hotline, to the coordinators of its scope who
 * asked for it, at most once an hour per rule and scope; their phone is erased like any
 * number kept. The alerts are of Martinique (région 02), where no other test raises any.
 */
@IntegrationTest
class AlertTextsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	TwilioSimulator simulator;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	TestClock clock;

	@Test
	void textsTheCoordinatorsOfTheAlertsScopeWhoAskedOnceAnHour() throws Exception {
		String martinique = TestPhones.randomMobile();
		String national = TestPhones.randomMobile();
		String bretagne = TestPhones.randomMobile();
		StaffClient martiniqueCoordinator = coordinator("02");
		assertThat(subscribe(martiniqueCoordinator, martinique).body()).contains("\"masked\":\"0");
		subscribe(coordinator(null), national);
		subscribe(coordinator("53"), bretagne);
		assertThat(TestAccounts.signedIn(this.accounts, Role.VOLUNTEER, this.port)
			.putJson("/api/statistics/alerts/subscription", "{\"phone\":\"" + TestPhones.randomMobile() + "\"}")
			.statusCode()).isEqualTo(403);

		raise("NOBODY_AVAILABLE", "02");

		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !inbox(martinique).isEmpty());
		assertThat(inbox(martinique)).singleElement()
			.satisfies((text) -> assertThat(text.body()).startsWith("Passerelle, alerte (Martinique)")
				.contains("aucun bénévole pouvant leur répondre")
				.contains("depuis 10h30"));
		assertThat(inbox(martinique).get(0).from()).isEqualTo("+33199001234");

		this.jdbc.sql("UPDATE statistics_alert SET ended_at = ? WHERE scope = '02' AND ended_at IS NULL")
			.param(Timestamp.from(this.clock.instant()))
			.update();
		this.clock.advance(Duration.ofMinutes(20));
		raise("NOBODY_AVAILABLE", "02");
		raise("NOBODY_AVAILABLE", "FR");

		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !inbox(national).isEmpty());
		Thread.sleep(1000);
		assertThat(inbox(martinique)).as("the same rule and scope, 20 minutes later: no second text").hasSize(1);
		assertThat(inbox(national)).singleElement()
			.satisfies((text) -> assertThat(text.body()).contains("(France entière)"));
		assertThat(inbox(bretagne)).as("another région's coordinator").isEmpty();

		martiniqueCoordinator.ensureCsrfCookie();
		assertThat(martiniqueCoordinator
			.send(martiniqueCoordinator.withCsrf(martiniqueCoordinator.request("/api/statistics/alerts/subscription"))
				.DELETE())
			.statusCode()).isEqualTo(204);
		assertThat(martiniqueCoordinator.get("/api/statistics/alerts/subscription").body())
			.isEqualTo("{\"masked\":null}");
	}

	@Test
	void anAlertPhoneIsErasedWithTheNumber() {
		String phone = TestPhones.randomMobile();
		StaffClient coordinator = coordinator("02");
		subscribe(coordinator, phone);
		StaffClient national = coordinator(null);

		assertThat(national.postJson("/api/privacy/requests/access", "{\"phone\":\"" + phone + "\"}").body())
			.contains("the phone this coordinator is texted the coverage alerts on");
		assertThat(national.postJson("/api/privacy/requests/erasure", "{\"phone\":\"" + phone + "\"}").statusCode())
			.isEqualTo(200);

		assertThat(coordinator.get("/api/statistics/alerts/subscription").body()).isEqualTo("{\"masked\":null}");
	}

	private void raise(String rule, String scope) {
		Instant now = this.clock.instant();
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.jdbc.sql("INSERT INTO statistics_alert (rule, scope, started_at) VALUES (?, ?, ?)")
				.params(rule, scope, Timestamp.from(now))
				.update();
			this.events.publishEvent(new CoverageAlertRaised(rule, scope, now));
		});
	}

	private List<TwilioSimulator.Text> inbox(String number) {
		return this.simulator.inbox(PhoneNumber.parse(number).e164());
	}

	private HttpResponse<String> subscribe(StaffClient coordinator, String phone) {
		HttpResponse<String> answer = coordinator.putJson("/api/statistics/alerts/subscription",
				"{\"phone\":\"" + phone + "\"}");
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return answer;
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
