package fr.passerelle.account;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.TestClock;
import fr.passerelle.platform.LockRows;
import fr.passerelle.platform.SubjectHashes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in throttling against the real database (issue 13, finding 6): it slows an
 * attacker, atomically under parallel attempts, without locking the real user out.
 */
@IntegrationTest
class LoginThrottleIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SubjectHashes hashes;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	TestClock clock;

	@Autowired
	LockRows lockRows;

	@Test
	void slowsGuessesFromOneAddressTwiceAsMuchEachTime() {
		StaffAccount volunteer = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		StaffClient app = new StaffClient(this.port);
		for (int i = 0; i < 5; i++) {
			assertThat(app.login(volunteer.email(), "wrong password " + i).statusCode()).isEqualTo(401);
		}

		HttpResponse<String> blocked = app.login(volunteer.email(), TestAccounts.PASSWORD);

		assertThat(blocked.statusCode()).isEqualTo(429);
		assertThat(blocked.headers().firstValue("Retry-After")).hasValue("1");
		assertThat((String) JsonPath.read(blocked.body(), "$.detail"))
			.isEqualTo("Trop de tentatives de connexion. Réessayez dans 1 seconde(s).");
		assertThat(app.cookie("SESSION")).isEmpty();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(app.login(volunteer.email(), "wrong password again").statusCode()).isEqualTo(401);
		HttpResponse<String> longer = app.login(volunteer.email(), TestAccounts.PASSWORD);
		assertThat(longer.headers().firstValue("Retry-After")).hasValue("2");
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(app.login(volunteer.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
	}

	@Test
	void anAttackerElsewhereDoesNotLockTheRealUserOut() {
		LoginThrottle throttle = throttle(
				new LoginThrottleProperties(Duration.ofMinutes(15), 5, 1000, 20, Duration.ofSeconds(30)));
		String email = TestAccounts.uniqueEmail(Role.COORDINATOR);
		String attacker = "203.0.113." + (UUID.randomUUID().hashCode() & 0xff) + "-" + UUID.randomUUID();
		int refused = 0;
		for (int i = 0; i < 60; i++) {
			if (throttle.attempt(email, attacker).isPresent()) {
				refused++;
				this.clock.advance(Duration.ofSeconds(1));
			}
		}
		assertThat(refused).as("the attacker is slowed").isGreaterThan(40);
		String realUser = "192.0.2.10-" + UUID.randomUUID();
		assertThat(throttle.attempt(email, realUser)).as("the real user, from their own address").isEmpty();
		throttle.succeeded(email, realUser);

		for (int i = 0; i < 30; i++) {
			throttle.attempt(email, "198.51.100." + i + "-" + UUID.randomUUID());
		}
		assertThat(throttle.attempt(email, realUser))
			.as("guesses from many addresses delay the real user by the ceiling across addresses at most")
			.hasValueSatisfying((wait) -> assertThat(wait).isLessThanOrEqualTo(Duration.ofSeconds(30)));
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(throttle.attempt(email, realUser)).isEmpty();
	}

	@Test
	void letsNoParallelBurstPastTheFreeAttempts() throws Exception {
		StaffAccount volunteer = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		int threads = 16;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				int n = i;
				answers.add(pool.submit(() -> {
					StaffClient app = new StaffClient(this.port);
					app.ensureCsrfCookie();
					start.await();
					return app.login(volunteer.email(), "wrong password " + n).statusCode();
				}));
			}
			start.countDown();
			int checked = 0;
			for (Future<Integer> answer : answers) {
				int status = answer.get();
				assertThat(status).isIn(401, 429);
				checked += (status == 401) ? 1 : 0;
			}
			assertThat(checked).as("passwords checked").isEqualTo(5);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void storesOnlyKeyedHashesOfFailedSignIns() {
		String email = TestAccounts.uniqueEmail(Role.VOLUNTEER);

		new StaffClient(this.port).login(email, "wrong password");

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE subject LIKE ? OR subject LIKE ?")
			.params("%@%", "%127.0.0.1%")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE subject = SHA2(?, 256)")
			.param("account:" + email)
			.query(Long.class)
			.single()).as("not the unkeyed hash of earlier versions").isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE subject = ?")
			.param(this.hashes.hash("login-account", email))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void reopensWhenTheAttemptsLeaveTheWindow() {
		LoginThrottle throttle = throttle(
				new LoginThrottleProperties(Duration.ofMinutes(15), 3, 100, 100, Duration.ofSeconds(30)));
		String email = TestAccounts.uniqueEmail(Role.VOLUNTEER);
		String address = "203.0.113." + (UUID.randomUUID().hashCode() & 0xff) + "-" + UUID.randomUUID();
		for (int i = 0; i < 3; i++) {
			assertThat(throttle.attempt(email, address)).isEmpty();
			this.clock.advance(Duration.ofMinutes(1));
		}
		assertThat(throttle.attempt(email, address)).isEmpty();
		for (int i = 0; i < 10; i++) {
			throttle.attempt(email, address);
			this.clock.advance(Duration.ofMinutes(1));
		}

		this.clock.advance(Duration.ofMinutes(16));
		assertThat(throttle.attempt(email, address)).isEmpty();
	}

	@Test
	void throttlesOneAddressTryingManyAccounts() {
		LoginThrottle throttle = throttle(
				new LoginThrottleProperties(Duration.ofMinutes(15), 5, 4, 20, Duration.ofSeconds(30)));
		String address = "198.51.100." + (UUID.randomUUID().hashCode() & 0xff) + "-" + UUID.randomUUID();
		for (int i = 0; i < 4; i++) {
			assertThat(throttle.attempt(TestAccounts.uniqueEmail(Role.VOLUNTEER), address)).isEmpty();
		}

		assertThat(throttle.attempt(TestAccounts.uniqueEmail(Role.VOLUNTEER), address)).isPresent();
		assertThat(throttle.attempt(TestAccounts.uniqueEmail(Role.VOLUNTEER), "192.0.2.1-" + UUID.randomUUID()))
			.isEmpty();
	}

	@Test
	void forgetsTheAccountsAttemptsOnSuccessfulSignIn() {
		LoginThrottle throttle = throttle(
				new LoginThrottleProperties(Duration.ofMinutes(15), 2, 100, 2, Duration.ofSeconds(30)));
		String email = TestAccounts.uniqueEmail(Role.VOLUNTEER);
		String address = "192.0.2.7-" + UUID.randomUUID();
		throttle.attempt(email, address);
		throttle.attempt(email, address);

		throttle.succeeded(email, address);

		assertThat(throttle.attempt(email, address)).isEmpty();
		assertThat(throttle.attempt(email, address)).isEmpty();
		assertThat(throttle.attempt(email, address)).isPresent();
	}

	private LoginThrottle throttle(LoginThrottleProperties properties) {
		return new LoginThrottle(this.jdbc, properties, this.clock, this.hashes, this.transactions, this.lockRows);
	}

}
