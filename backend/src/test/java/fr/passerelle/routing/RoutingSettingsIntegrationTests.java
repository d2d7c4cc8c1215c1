package fr.passerelle.routing;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.NewAccount;
import fr.passerelle.account.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routing delays, set from the staff app (issue 15): the configuration's first
 * values, a change in force for the next decision, a bad delay refused beside its field,
 * a stale change 409, regional coordinators and volunteers 403, every change audited.
 */
@IntegrationTest
class RoutingSettingsIntegrationTests {

	private static final String DELAYS = """
			{"liveCall":{"regionAfterSeconds":%d,"nationalAfterSeconds":%d,"offerTimeoutSeconds":30},
			 "callback":{"regionAfterSeconds":7200,"nationalAfterSeconds":43200,"offerTimeoutSeconds":%d},
			 "wrapUpSeconds":60,"version":%d}""";

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Routing routing;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void backToTheConfiguredDelays() {
		StaffClient national = coordinator(null);
		assertThat(national.putJson("/api/settings/routing", DELAYS.formatted(120, 300, 120, version(national)))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void startsFromTheConfigurationAndAppliesAChangeToTheNextDecision() {
		StaffClient national = coordinator(null);
		String read = national.get("/api/settings/routing").body();
		assertThat((Integer) JsonPath.read(read, "$.liveCall.regionAfterSeconds")).isEqualTo(120);
		assertThat((Integer) JsonPath.read(read, "$.callback.nationalAfterSeconds")).isEqualTo(43200);
		assertThat((Integer) JsonPath.read(read, "$.wrapUpSeconds")).isEqualTo(60);

		HttpResponse<String> changed = national.putJson("/api/settings/routing",
				DELAYS.formatted(0, 60, 90, version(national)));

		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		assertThat(this.routing.properties().liveCall().regionAfter()).isEqualTo(Duration.ZERO);
		assertThat(this.routing.properties().liveCall().nationalAfter()).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.routing.properties().callback().offerTimeout()).isEqualTo(Duration.ofSeconds(90));
		assertThat(this.jdbc
			.sql("SELECT detail FROM audit_event WHERE action = 'SERVICE_POLICY_CHANGED' "
					+ "AND target = 'settings/routing' ORDER BY id DESC LIMIT 1")
			.query(String.class)
			.single()).contains("\"live.regionAfter\":\"120\"", "\"live.regionAfter\":\"0\"");
	}

	@Test
	void refusesTheCountryBeforeTheRegionAndAnOfferTooShortBesideTheField() {
		StaffClient national = coordinator(null);
		int version = version(national);

		HttpResponse<String> countryFirst = national.putJson("/api/settings/routing",
				DELAYS.formatted(600, 300, 120, version));
		HttpResponse<String> tooShort = national.putJson("/api/settings/routing",
				DELAYS.formatted(120, 300, 5, version));
		HttpResponse<String> negative = national.putJson("/api/settings/routing",
				DELAYS.formatted(-1, 300, 120, version));

		assertThat(countryFirst.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(countryFirst.body(), "$.fields[0].field"))
			.isEqualTo("liveCall.nationalAfterSeconds");
		assertThat((String) JsonPath.read(countryFirst.body(), "$.detail")).contains("région");
		assertThat((String) JsonPath.read(tooShort.body(), "$.fields[0].field"))
			.isEqualTo("callback.offerTimeoutSeconds");
		assertThat((String) JsonPath.read(negative.body(), "$.fields[0].field"))
			.isEqualTo("liveCall.regionAfterSeconds");
		assertThat(version(national)).as("nothing changed").isEqualTo(version);
	}

	@Test
	void refusesAStaleChangeRegionalCoordinatorsAndVolunteers() {
		StaffClient national = coordinator(null);
		int version = version(national);
		assertThat(national.putJson("/api/settings/routing", DELAYS.formatted(60, 300, 120, version)).statusCode())
			.isEqualTo(200);

		assertThat(national.putJson("/api/settings/routing", DELAYS.formatted(30, 300, 120, version)).statusCode())
			.as("stale")
			.isEqualTo(409);
		assertThat(this.routing.properties().liveCall().regionAfter()).isEqualTo(Duration.ofMinutes(1));
		assertThat(coordinator("53").putJson("/api/settings/routing", DELAYS.formatted(30, 300, 120, version + 1))
			.statusCode()).isEqualTo(403);
		assertThat(coordinator("53").get("/api/settings/routing").statusCode()).isEqualTo(200);
		assertThat(TestAccounts.signedIn(this.accounts, Role.VOLUNTEER, this.port)
			.get("/api/settings/routing")
			.statusCode()).isEqualTo(403);
	}

	private StaffClient coordinator(String region) {
		StaffClient client = new StaffClient(this.port);
		var account = TestAccounts.open(this.accounts, new NewAccount(TestAccounts.uniqueEmail(Role.COORDINATOR),
				"Coordination", Role.COORDINATOR, region, TestAccounts.PASSWORD, false));
		assertThat(client.login(account.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
		return client;
	}

	private static int version(StaffClient client) {
		return JsonPath.read(client.get("/api/settings/routing").body(), "$.version");
	}

}
