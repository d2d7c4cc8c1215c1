package fr.passerelle.account;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.privacy.AuditAction;
import fr.passerelle.privacy.AuditLog;
import fr.passerelle.privacy.AuditLog.AuditFilter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staff member sees where they are signed in and ends the sessions they do not
 * recognise, their password asked again (ASVS 5.0 7.5.2); sessions are never named by
 * their identifier.
 */
@IntegrationTest
class MySessionsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Autowired
	AuditLog audit;

	@Test
	void listsMySessionsAndEndsAnotherOneOnceMyPasswordIsConfirmed() {
		StaffAccount coordinator = TestAccounts.open(this.accounts, Role.COORDINATOR);
		StaffClient office = signedIn(coordinator);
		StaffClient phone = signedIn(coordinator);

		HttpResponse<String> listed = office.get("/api/account/sessions");
		assertThat(listed.statusCode()).isEqualTo(200);
		List<Map<String, Object>> sessions = JsonPath.read(listed.body(), "$");
		assertThat(sessions).hasSize(2);
		assertThat(sessions).filteredOn((session) -> Boolean.TRUE.equals(session.get("current"))).hasSize(1);
		assertThat(listed.body()).as("no session identifier")
			.doesNotContain(office.cookie("SESSION").orElseThrow())
			.doesNotContain(phone.cookie("SESSION").orElseThrow());
		String other = sessions.stream()
			.filter((session) -> !Boolean.TRUE.equals(session.get("current")))
			.map((session) -> (String) session.get("reference"))
			.findFirst()
			.orElseThrow();
		String mine = sessions.stream()
			.filter((session) -> Boolean.TRUE.equals(session.get("current")))
			.map((session) -> (String) session.get("reference"))
			.findFirst()
			.orElseThrow();

		HttpResponse<String> wrong = office.postJson("/api/account/sessions/end",
				"{\"password\":\"not my password at all\",\"session\":\"" + other + "\"}");
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(phone.get("/api/auth/me").statusCode()).as("still signed in").isEqualTo(200);
		assertThat(office
			.postJson("/api/account/sessions/end",
					"{\"password\":\"" + TestAccounts.PASSWORD + "\",\"session\":\"" + mine + "\"}")
			.statusCode()).as("signing out ends this one").isEqualTo(400);

		HttpResponse<String> ended = office.postJson("/api/account/sessions/end",
				"{\"password\":\"" + TestAccounts.PASSWORD + "\",\"session\":\"" + other + "\"}");
		assertThat(ended.statusCode()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(ended.body(), "$.ended")).isEqualTo(1);
		assertThat(phone.get("/api/auth/me").statusCode()).isEqualTo(401);
		assertThat(office.get("/api/auth/me").statusCode()).isEqualTo(200);
		assertThat(
				office.postJson("/api/account/sessions/end", "{\"password\":\"" + TestAccounts.PASSWORD + "\"}").body())
			.as("ending the others again ends nothing")
			.contains("\"ended\":0");
		assertThat(this.audit
			.search(new AuditFilter(AuditAction.SESSIONS_ENDED, coordinator.email(), null, null, null), null, 10)
			.events()).hasSize(1);
	}

	@Test
	void endsAllMyOtherSessionsAtOnce() {
		StaffAccount volunteer = TestAccounts.open(this.accounts, Role.VOLUNTEER);
		StaffClient here = signedIn(volunteer);
		StaffClient first = signedIn(volunteer);
		StaffClient second = signedIn(volunteer);

		HttpResponse<String> ended = here.postJson("/api/account/sessions/end",
				"{\"password\":\"" + TestAccounts.PASSWORD + "\"}");

		assertThat((Integer) JsonPath.read(ended.body(), "$.ended")).isEqualTo(2);
		assertThat(first.get("/api/auth/me").statusCode()).isEqualTo(401);
		assertThat(second.get("/api/auth/me").statusCode()).isEqualTo(401);
		assertThat(here.get("/api/account/sessions").body()).contains("\"current\":true");
	}

	private StaffClient signedIn(StaffAccount account) {
		StaffClient client = new StaffClient(this.port);
		assertThat(client.login(account.email(), TestAccounts.PASSWORD).statusCode()).isEqualTo(200);
		return client;
	}

}
