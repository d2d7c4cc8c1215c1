package fr.passerelle.account;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AuthenticationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void signsInKeepsTheSessionInTheDatabaseAndSignsOut() {
		StaffAccount coordinator = TestAccounts.open(this.accounts, Role.COORDINATOR);
		StaffClient app = new StaffClient(this.port);

		HttpResponse<String> login = app.login(coordinator.email(), TestAccounts.PASSWORD);

		assertThat(login.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(login.body(), "$.role")).isEqualTo("COORDINATOR");
		assertThat(app.cookie("SESSION")).isPresent();
		assertThat(sessionsOf(coordinator.email())).isEqualTo(1);
		HttpResponse<String> me = app.get("/api/auth/me");
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(me.body(), "$.email")).isEqualTo(coordinator.email());

		assertThat(app.logout().statusCode()).isEqualTo(204);
		assertThat(app.get("/api/auth/me").statusCode()).isEqualTo(401);
		assertThat(sessionsOf(coordinator.email())).isZero();
	}

	@Test
	void acceptsTheAddressWhateverItsCase() {
		StaffAccount volunteer = TestAccounts.open(this.accounts, Role.VOLUNTEER);

		HttpResponse<String> login = new StaffClient(this.port).login(volunteer.email().toUpperCase(),
				TestAccounts.PASSWORD);

		assertThat(login.statusCode()).isEqualTo(200);
	}

	@Test
	void refusesWrongCredentialsWithOneFrenchMessage() {
		StaffAccount volunteer = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		StaffClient app = new StaffClient(this.port);

		HttpResponse<String> wrongPassword = app.login(volunteer.email(), "not the password at all");
		HttpResponse<String> unknownAccount = app.login("nobody-" + volunteer.email(), TestAccounts.PASSWORD);

		for (HttpResponse<String> response : new HttpResponse[] { wrongPassword, unknownAccount }) {
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat((String) JsonPath.read(response.body(), "$.detail"))
				.isEqualTo("Adresse e-mail ou mot de passe incorrect.");
		}
		assertThat(app.get("/api/auth/me").statusCode()).isEqualTo(401);
	}

	@Test
	void answersInEnglishWhenAskedTo() {
		HttpResponse<String> response = new StaffClient(this.port).speaking("en-GB,en;q=0.8")
			.login("nobody@passerelle.test", "whatever password");

		assertThat((String) JsonPath.read(response.body(), "$.detail")).isEqualTo("Wrong e-mail address or password.");
	}

	@Test
	void refusesASignInWithoutCsrfToken() {
		StaffAccount coordinator = TestAccounts.open(this.accounts, Role.COORDINATOR);
		StaffClient app = new StaffClient(this.port);

		HttpResponse<String> response = app.postForm("/api/auth/login",
				Map.of("email", coordinator.email(), "password", TestAccounts.PASSWORD));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat((String) JsonPath.read(response.body(), "$.code")).isEqualTo("account.csrf-invalid");
		assertThat(app.cookie("SESSION")).isEmpty();
	}

	@Test
	void refusesAStateChangeWithAForgedCsrfToken() {
		StaffAccount coordinator = TestAccounts.open(this.accounts, Role.COORDINATOR);
		StaffClient app = new StaffClient(this.port);
		app.login(coordinator.email(), TestAccounts.PASSWORD);

		HttpResponse<String> response = app.send(app.request("/api/account/password")
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", "forged")
			.PUT(java.net.http.HttpRequest.BodyPublishers
				.ofString("{\"currentPassword\":\"a long enough test password\",\"newPassword\":\"x\"}")));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(app.login(coordinator.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
	}

	@Test
	void changesTheSessionIdentifierAtSignIn() {
		StaffAccount volunteer = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		StaffClient app = new StaffClient(this.port);
		app.login(volunteer.email(), TestAccounts.PASSWORD);
		String first = app.cookie("SESSION").orElseThrow();

		app.login(volunteer.email(), TestAccounts.PASSWORD);

		assertThat(app.cookie("SESSION")).isPresent().isNotEqualTo(java.util.Optional.of(first));
	}

	@Test
	void endsASessionOlderThanTwelveHoursHoweverActive() {
		StaffAccount coordinator = TestAccounts.open(this.accounts, Role.COORDINATOR);
		StaffClient app = new StaffClient(this.port);
		app.login(coordinator.email(), TestAccounts.PASSWORD);
		assertThat(app.get("/api/auth/me").statusCode()).isEqualTo(200);

		// signed in 12 hours and a minute ago, and used every minute since
		this.jdbc.sql("UPDATE SPRING_SESSION SET CREATION_TIME = CREATION_TIME - ? WHERE PRINCIPAL_NAME = ?")
			.params(Duration.ofHours(12).plusMinutes(1).toMillis(), coordinator.email())
			.update();

		assertThat(app.get("/api/auth/me").statusCode()).isEqualTo(401);
		assertThat(sessionsOf(coordinator.email())).isZero();
	}

	@Test
	void endsASessionIdleForFourHours() {
		StaffAccount volunteer = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		StaffClient app = new StaffClient(this.port);
		app.login(volunteer.email(), TestAccounts.PASSWORD);
		long idle = Duration.ofHours(4).plusMinutes(1).toMillis();
		this.jdbc
			.sql("UPDATE SPRING_SESSION SET LAST_ACCESS_TIME = LAST_ACCESS_TIME - ?, EXPIRY_TIME = EXPIRY_TIME - ? "
					+ "WHERE PRINCIPAL_NAME = ?")
			.params(idle, idle, volunteer.email())
			.update();

		assertThat(app.get("/api/auth/me").statusCode()).isEqualTo(401);
	}

	@Test
	void keepsTheApiClosedToVisitors() {
		StaffClient visitor = new StaffClient(this.port);

		// (the themes and the geography are public: the volunteers' sign-up page lists
		// them)
		for (String path : new String[] { "/api/auth/me", "/api/tickets", "/api/console", "/api/volunteers/me",
				"/api/volunteer-applications", "/api/no-such-thing" }) {
			HttpResponse<String> response = visitor.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(401);
			assertThat((String) JsonPath.read(response.body(), "$.detail"))
				.isEqualTo("Connectez-vous pour accéder à cette page.");
		}
	}

	@Test
	void sendsVisitorsOfUnknownPagesToA404Page() {
		StaffClient visitor = new StaffClient(this.port);

		HttpResponse<String> response = visitor
			.send(visitor.request("/admin/secret").setHeader("Accept", "text/html").GET());

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("<h1>Cette page n&#39;existe pas</h1>");
	}

	private long sessionsOf(String email) {
		return this.jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?")
			.param(email)
			.query(Long.class)
			.single();
	}

}
