package fr.passerelle.account;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class LoginThrottleIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void refusesEvenTheRightPasswordAfterFiveFailuresOnOneAccount() {
		StaffAccount volunteer = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		StaffClient app = new StaffClient(this.port);
		for (int i = 0; i < 5; i++) {
			assertThat(app.login(volunteer.email(), "wrong password " + i).statusCode()).isEqualTo(401);
		}

		HttpResponse<String> blocked = app.login(volunteer.email(), TestAccounts.PASSWORD);

		assertThat(blocked.statusCode()).isEqualTo(429);
		assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
		assertThat((String) JsonPath.read(blocked.body(), "$.detail"))
			.isEqualTo("Trop de tentatives de connexion. Réessayez dans 15 minute(s).");
		assertThat(app.cookie("SESSION")).isEmpty();
	}

	@Test
	void storesNoAddressNorEmailOfFailedSignIns() {
		String email = TestAccounts.uniqueEmail(Role.VOLUNTEER);

		new StaffClient(this.port).login(email, "wrong password");

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE subject LIKE ? OR subject LIKE ?")
			.params("%@%", "%127.0.0.1%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void reopensWhenTheFailuresLeaveTheWindow() {
		TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
		LoginThrottle throttle = new LoginThrottle(this.jdbc,
				new LoginThrottleProperties(Duration.ofMinutes(15), 3, 100), clock);
		String email = TestAccounts.uniqueEmail(Role.VOLUNTEER);
		String address = "203.0.113." + (UUID.randomUUID().hashCode() & 0xff);
		for (int i = 0; i < 3; i++) {
			throttle.failed(email, address);
			clock.advance(Duration.ofMinutes(1));
		}

		// The oldest of the three failures happened 3 minutes ago: 12 more minutes and it
		// leaves the window.
		assertThat(throttle.waitBeforeNextAttempt(email, address)).hasValue(Duration.ofMinutes(12));
		clock.advance(Duration.ofMinutes(12));
		assertThat(throttle.waitBeforeNextAttempt(email, address)).isEmpty();
	}

	@Test
	void throttlesOneAddressTryingManyAccounts() {
		TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
		LoginThrottle throttle = new LoginThrottle(this.jdbc, new LoginThrottleProperties(Duration.ofMinutes(15), 5, 4),
				clock);
		String address = "198.51.100." + (UUID.randomUUID().hashCode() & 0xff) + "-" + UUID.randomUUID();
		for (int i = 0; i < 4; i++) {
			throttle.failed(TestAccounts.uniqueEmail(Role.VOLUNTEER), address);
		}

		assertThat(throttle.waitBeforeNextAttempt(TestAccounts.uniqueEmail(Role.VOLUNTEER), address)).isPresent();
		assertThat(throttle.waitBeforeNextAttempt(TestAccounts.uniqueEmail(Role.VOLUNTEER),
				"192.0.2.1-" + UUID.randomUUID()))
			.isEmpty();
	}

	@Test
	void forgetsFailuresOnSuccessfulSignIn() {
		TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
		LoginThrottle throttle = new LoginThrottle(this.jdbc,
				new LoginThrottleProperties(Duration.ofMinutes(15), 2, 100), clock);
		String email = TestAccounts.uniqueEmail(Role.VOLUNTEER);
		throttle.failed(email, "192.0.2.7");

		throttle.succeeded(email);
		throttle.failed(email, "192.0.2.7");

		assertThat(throttle.waitBeforeNextAttempt(email, "192.0.2.8")).isEmpty();
	}

}
