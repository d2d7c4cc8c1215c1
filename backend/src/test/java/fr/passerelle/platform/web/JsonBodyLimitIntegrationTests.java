package fr.passerelle.platform.web;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.jayway.jsonpath.JsonPath;
import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import fr.passerelle.TestAccounts;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON and form bodies are bounded (issue 13, finding 9), whether their length is
 * declared or they come in chunks, with a 413 that says so.
 */
@IntegrationTest
class JsonBodyLimitIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Test
	void refusesAJsonBodyLargerThanAnyFormNeeds() {
		StaffClient coordinator = TestAccounts.signedIn(this.accounts, Role.COORDINATOR, this.port);
		String large = "{\"body\":\"" + "x".repeat(100 * 1024) + "\"}";

		HttpResponse<String> declared = coordinator.postJson("/api/tickets/1/notes", large);
		HttpResponse<String> chunked = coordinator
			.send(coordinator.withCsrf(coordinator.request("/api/tickets/1/notes"))
				.header("Content-Type", "application/json")
				.POST(BodyPublishers
					.ofInputStream(() -> new ByteArrayInputStream(large.getBytes(StandardCharsets.UTF_8)))));

		assertThat(declared.statusCode()).isEqualTo(413);
		assertThat((String) JsonPath.read(declared.body(), "$.detail"))
			.isEqualTo("Cette demande est trop longue : 64 Ko au plus.");
		assertThat(chunked.statusCode()).isEqualTo(413);
		assertThat(
				coordinator.postJson("/api/tickets/" + Long.MAX_VALUE + "/notes", "{\"body\":\"court\"}").statusCode())
			.as("a small body goes through to the API")
			.isEqualTo(404);
	}

	@Test
	void refusesAFormLargerThanAnyFormNeedsWithoutFailingOnIt() {
		StaffClient citizen = new StaffClient(this.port);
		String large = "phone=0612345678&topic=CAF&postcode=35000&consent=true&firstName=" + "x".repeat(100 * 1024);

		for (String path : new String[] { "/rappel", "/api/auth/login", "/telephony/sms/incoming" }) {
			HttpResponse<String> declared = citizen.send(citizen.request(path)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(BodyPublishers.ofString(large)));
			HttpResponse<String> chunked = citizen.send(citizen.request(path)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(BodyPublishers
					.ofInputStream(() -> new ByteArrayInputStream(large.getBytes(StandardCharsets.UTF_8)))));

			assertThat(declared.statusCode()).as(path).isEqualTo(413);
			assertThat(declared.body()).as(path).isEqualTo("Cette demande est trop longue : 64 Ko au plus.");
			assertThat(chunked.statusCode()).as(path + ", in chunks").isEqualTo(413);
		}
		assertThat(citizen.speaking("en")
			.send(citizen.request("/rappel")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(BodyPublishers.ofString(large)))
			.body()).isEqualTo("This request is too long: 64 KB at most.");
	}

}
