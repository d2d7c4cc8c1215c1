package fr.passerelle.account;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestClock;
import fr.passerelle.TestTotp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-factor authentication over real HTTP, with codes computed as an authenticator app
 * computes them, at the application's clock.
 */
@IntegrationTest
class TwoFactorIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	AccountAdministration administration;

	@Autowired
	TestClock clock;

	@Test
	void aCoordinatorWithoutASecondFactorReachesNothingButItsSetupAndThenEverything() {
		StaffAccount coordinator = this.accounts.open(NewAccount.of(TestAccounts.uniqueEmail(Role.COORDINATOR),
				"Coordination sans code", Role.COORDINATOR, TestAccounts.PASSWORD));
		StaffClient app = new StaffClient(this.port);
		assertThat(app.login(coordinator.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
		assertThat((Boolean) JsonPath.read(app.get("/api/auth/me").body(), "$.twoFactorSetupRequired")).isTrue();

		HttpResponse<String> refused = app.get("/api/tickets");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat((String) JsonPath.read(refused.body(), "$.code")).isEqualTo("account.two-factor.setup-required");

		HttpResponse<String> setup = app.postJson("/api/account/two-factor/setup", "{}");
		assertThat(setup.statusCode()).isEqualTo(200);
		String secret = JsonPath.read(setup.body(), "$.secret");
		assertThat((String) JsonPath.read(setup.body(), "$.uri")).startsWith("otpauth://totp/Passerelle%3A")
			.contains("secret=" + secret)
			.contains("issuer=Passerelle");
		String wrong = TestTotp.code(secret, this.clock.instant().plus(Duration.ofMinutes(5)));
		assertThat(app.postJson("/api/account/two-factor/confirm", code(wrong)).statusCode()).isEqualTo(400);

		HttpResponse<String> confirmed = app.postJson("/api/account/two-factor/confirm",
				code(TestTotp.code(secret, this.clock.instant())));

		assertThat(confirmed.statusCode()).isEqualTo(200);
		List<String> recoveryCodes = JsonPath.read(confirmed.body(), "$.recoveryCodes");
		assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates().allMatch((c) -> c.matches("[0-9A-Z-]{29}"));
		assertThat(app.get("/api/tickets").statusCode()).isEqualTo(200);
		assertThat((Boolean) JsonPath.read(app.get("/api/auth/me").body(), "$.twoFactorEnabled")).isTrue();
		assertThat((Integer) JsonPath.read(app.get("/api/account/two-factor").body(), "$.recoveryCodesLeft"))
			.isEqualTo(10);
	}

	@Test
	void signInAsksForTheCodeOnlyOnceThePasswordIsRightAndNeverTakesACodeTwice() {
		String secret = TestTotp.randomSecret();
		StaffAccount coordinator = enrolledCoordinator(secret);

		assertRefused(signIn(coordinator.email(), "not the password at all", null), "account.login.failed");
		assertRefused(signIn(coordinator.email(), TestAccounts.PASSWORD, null), "account.two-factor.required");
		String now = TestTotp.code(secret, this.clock.instant());
		String other = now.equals("000000") ? "000001" : "000000";
		assertRefused(signIn(coordinator.email(), TestAccounts.PASSWORD, other), "account.two-factor.rejected");
		assertRefused(signIn(coordinator.email(), "not the password at all", now), "account.login.failed");

		assertThat(signIn(coordinator.email(), TestAccounts.PASSWORD, now).statusCode()).isEqualTo(200);
		assertRefused(signIn(coordinator.email(), TestAccounts.PASSWORD, now), "account.two-factor.rejected");

		// a phone thirty seconds behind still signs in, but never with a code older than
		// the last one accepted
		String previous = TestTotp.code(secret, this.clock.instant().minusSeconds(30));
		assertRefused(signIn(coordinator.email(), TestAccounts.PASSWORD, previous), "account.two-factor.rejected");
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(signIn(coordinator.email(), TestAccounts.PASSWORD, previous).statusCode()).isEqualTo(401);
		assertThat(signIn(coordinator.email(), TestAccounts.PASSWORD, TestTotp.code(secret, this.clock.instant()))
			.statusCode()).isEqualTo(200);
		// and a code two minutes old is refused
		this.clock.advance(Duration.ofMinutes(2));
		String old = TestTotp.code(secret, this.clock.instant().minus(Duration.ofMinutes(2)));
		assertRefused(signIn(coordinator.email(), TestAccounts.PASSWORD, old), "account.two-factor.rejected");
	}

	@Test
	void parallelSignInsWithTheSameCodeLetOnlyOneIn() throws Exception {
		String secret = TestTotp.randomSecret();
		StaffAccount coordinator = enrolledCoordinator(secret);
		String code = TestTotp.code(secret, this.clock.instant());
		List<Callable<Integer>> attempts = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			StaffClient client = new StaffClient(this.port);
			client.get("/api/auth/me").body();
			attempts.add(() -> signIn(client, coordinator.email(), TestAccounts.PASSWORD, code).statusCode());
		}

		List<Integer> statuses = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
		try {
			for (Future<Integer> status : pool.invokeAll(attempts)) {
				statuses.add(status.get());
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
		assertThat(statuses).filteredOn((status) -> status != 200).allMatch((status) -> status == 401 || status == 429);
	}

	@Test
	void aRecoveryCodeSignsInOnceHoweverItIsTyped() {
		String secret = TestTotp.randomSecret();
		StaffAccount coordinator = this.accounts.open(NewAccount.of(TestAccounts.uniqueEmail(Role.COORDINATOR),
				"Coordination de secours", Role.COORDINATOR, TestAccounts.PASSWORD));
		List<String> codes = this.accounts.enrolTwoFactor(coordinator.id(), secret);
		String typed = " " + codes.get(3).toLowerCase().replace("-", " ") + " ";

		assertThat(signIn(coordinator.email(), TestAccounts.PASSWORD, typed).statusCode()).isEqualTo(200);
		assertRefused(signIn(coordinator.email(), TestAccounts.PASSWORD, codes.get(3)), "account.two-factor.rejected");

		StaffClient app = new StaffClient(this.port);
		assertThat(signIn(app, coordinator.email(), TestAccounts.PASSWORD, codes.get(4)).statusCode()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(app.get("/api/account/two-factor").body(), "$.recoveryCodesLeft"))
			.isEqualTo(8);
		HttpResponse<String> renewed = app.postJson("/api/account/two-factor/recovery-codes",
				"{\"password\":\"" + TestAccounts.PASSWORD + "\"}");
		assertThat(renewed.statusCode()).isEqualTo(200);
		assertRefused(signIn(coordinator.email(), TestAccounts.PASSWORD, codes.get(5)), "account.two-factor.rejected");
		String fresh = JsonPath.read(renewed.body(), "$.recoveryCodes[0]");
		assertThat(signIn(coordinator.email(), TestAccounts.PASSWORD, fresh).statusCode()).isEqualTo(200);
	}

	@Test
	void aVolunteerMayTurnItOnAndOffButACoordinatorMustKeepIt() {
		StaffAccount volunteer = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		StaffClient app = new StaffClient(this.port);
		app.login(volunteer.email(), TestAccounts.PASSWORD);
		assertThat((Boolean) JsonPath.read(app.get("/api/auth/me").body(), "$.twoFactorSetupRequired")).isFalse();
		String secret = JsonPath.read(app.postJson("/api/account/two-factor/setup", "{}").body(), "$.secret");
		assertThat(app.postJson("/api/account/two-factor/confirm", code(TestTotp.code(secret, this.clock.instant())))
			.statusCode()).isEqualTo(200);
		assertRefused(signIn(volunteer.email(), TestAccounts.PASSWORD, null), "account.two-factor.required");

		// moving to a new phone, or turning it off, asks for the password again
		assertThat(app.postJson("/api/account/two-factor/setup", "{}").statusCode()).isEqualTo(400);
		assertThat(
				app.postJson("/api/account/two-factor/disable", "{\"password\":\"wrong password here\"}").statusCode())
			.isEqualTo(400);
		assertThat(app.postJson("/api/account/two-factor/disable", "{\"password\":\"" + TestAccounts.PASSWORD + "\"}")
			.statusCode()).isEqualTo(204);
		assertThat(signIn(volunteer.email(), TestAccounts.PASSWORD, null).statusCode()).isEqualTo(200);

		StaffClient coordinator = TestAccounts.signedIn(this.accounts, Role.COORDINATOR, this.port);
		HttpResponse<String> kept = coordinator.postJson("/api/account/two-factor/disable",
				"{\"password\":\"" + TestAccounts.PASSWORD + "\"}");
		assertThat(kept.statusCode()).isEqualTo(409);
		assertThat((Boolean) JsonPath.read(coordinator.get("/api/auth/me").body(), "$.twoFactorEnabled")).isTrue();
	}

	@Test
	void anAdministratorsResetEndsTheSessionsAndTheSetupStartsAgain() {
		String secret = TestTotp.randomSecret();
		StaffAccount coordinator = enrolledCoordinator(secret);
		StaffClient app = new StaffClient(this.port);
		assertThat(signIn(app, coordinator.email(), TestAccounts.PASSWORD, TestTotp.code(secret, this.clock.instant()))
			.statusCode()).isEqualTo(200);
		StaffClient admin = TestAccounts.signedIn(this.accounts, Role.ADMIN, this.port);

		HttpResponse<String> reset = admin.postJson("/api/admin/accounts/" + coordinator.id() + "/two-factor/reset",
				"{}");

		assertThat(reset.statusCode()).isEqualTo(200);
		assertThat((Boolean) JsonPath.read(reset.body(), "$.twoFactorEnabled")).isFalse();
		assertThat(app.get("/api/auth/me").statusCode()).isEqualTo(401);
		StaffClient again = new StaffClient(this.port);
		assertThat(signIn(again, coordinator.email(), TestAccounts.PASSWORD, null).statusCode()).isEqualTo(200);
		assertThat(again.get("/api/tickets").statusCode()).isEqualTo(403);
	}

	private StaffAccount enrolledCoordinator(String secret) {
		StaffAccount coordinator = this.accounts.open(NewAccount.of(TestAccounts.uniqueEmail(Role.COORDINATOR),
				"Coordination à deux facteurs", Role.COORDINATOR, TestAccounts.PASSWORD));
		this.accounts.enrolTwoFactor(coordinator.id(), secret);
		return coordinator;
	}

	private HttpResponse<String> signIn(String email, String password, String code) {
		return signIn(new StaffClient(this.port), email, password, code);
	}

	private static HttpResponse<String> signIn(StaffClient client, String email, String password, String code) {
		return client.login(email, password, code);
	}

	private static void assertRefused(HttpResponse<String> response, String reason) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
		assertThat((String) JsonPath.read(response.body(), "$.code")).isEqualTo(reason);
	}

	private static String code(String code) {
		return "{\"code\":\"" + code + "\"}";
	}

}
