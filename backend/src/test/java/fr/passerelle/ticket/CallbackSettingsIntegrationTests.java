package fr.passerelle.ticket;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The callback policy, set from the staff app (issue 15): the configuration's first
 * values, a change in force for the next failed attempt, attempts or delays out of range
 * refused beside the field, a stale change 409, regional coordinators 403.
 */
@IntegrationTest
class CallbackSettingsIntegrationTests {

	private static final Instant MONDAY_MORNING = Instant.parse("2027-03-01T09:30:00Z");

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	CallbackPolicy policy;

	@AfterEach
	void backToTheConfiguredPolicy() {
		StaffClient national = coordinator(null);
		assertThat(national
			.putJson("/api/settings/callbacks",
					"{\"maxAttempts\":3,\"retryAfterMinutes\":120,\"version\":%d}".formatted(version(national)))
			.statusCode()).isEqualTo(200);
	}

	@Test
	void oneAttemptOnlyEndsARequestAfterItsFirstFailureAndALongerDelayMovesTheSecond() {
		StaffClient national = coordinator(null);
		assertThat((Integer) JsonPath.read(national.get("/api/settings/callbacks").body(), "$.maxAttempts"))
			.isEqualTo(3);
		assertThat(this.policy.nextAttempt(1, MONDAY_MORNING, "75", PARIS, Set.of()))
			.hasValue(MONDAY_MORNING.plusSeconds(2 * 3600));

		HttpResponse<String> longer = national.putJson("/api/settings/callbacks",
				"{\"maxAttempts\":3,\"retryAfterMinutes\":180,\"version\":%d}".formatted(version(national)));
		assertThat(longer.statusCode()).as(longer.body()).isEqualTo(200);
		assertThat(this.policy.nextAttempt(1, MONDAY_MORNING, "75", PARIS, Set.of()))
			.hasValue(MONDAY_MORNING.plusSeconds(3 * 3600));

		national.putJson("/api/settings/callbacks",
				"{\"maxAttempts\":1,\"retryAfterMinutes\":180,\"version\":%d}".formatted(version(national)));
		assertThat(this.policy.maxAttempts()).isEqualTo(1);
		assertThat(this.policy.nextAttempt(1, MONDAY_MORNING, "75", PARIS, Set.of())).isEmpty();
	}

	@Test
	void refusesOutOfRangeValuesBesideTheFieldStaleChangesAndRegionalCoordinators() {
		StaffClient national = coordinator(null);
		int version = version(national);

		HttpResponse<String> none = national.putJson("/api/settings/callbacks",
				"{\"maxAttempts\":0,\"retryAfterMinutes\":120,\"version\":%d}".formatted(version));
		HttpResponse<String> soon = national.putJson("/api/settings/callbacks",
				"{\"maxAttempts\":3,\"retryAfterMinutes\":1,\"version\":%d}".formatted(version));
		assertThat(none.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(none.body(), "$.fields[0].field")).isEqualTo("maxAttempts");
		assertThat((String) JsonPath.read(soon.body(), "$.fields[0].field")).isEqualTo("retryAfterMinutes");

		assertThat(national
			.putJson("/api/settings/callbacks",
					"{\"maxAttempts\":4,\"retryAfterMinutes\":120,\"version\":%d}".formatted(version))
			.statusCode()).isEqualTo(200);
		assertThat(national
			.putJson("/api/settings/callbacks",
					"{\"maxAttempts\":5,\"retryAfterMinutes\":120,\"version\":%d}".formatted(version))
			.statusCode()).as("stale").isEqualTo(409);
		assertThat(this.policy.maxAttempts()).isEqualTo(4);
		assertThat(coordinator("53")
			.putJson("/api/settings/callbacks",
					"{\"maxAttempts\":5,\"retryAfterMinutes\":120,\"version\":%d}".formatted(version + 1))
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
		return JsonPath.read(client.get("/api/settings/callbacks").body(), "$.version");
	}

}
