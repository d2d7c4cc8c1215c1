package fr.passerelle.platform.web;

import java.net.http.HttpResponse;

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
 * The Twilio SDK brings an XML library, with which Spring MVC would answer XML to any
 * browser (they all accept {@code application/xml}); the API speaks JSON only.
 */
@IntegrationTest
class JsonNotXmlIntegrationTests {

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Test
	void answersJsonToABrowserThatAlsoAcceptsXml() {
		StaffClient volunteer = new StaffClient(this.port);
		volunteer.login(TestAccounts.open(this.accounts, Role.VOLUNTEER).email(), TestAccounts.PASSWORD);

		HttpResponse<String> me = volunteer.send(volunteer.request("/api/auth/me").setHeader("Accept", BROWSER_ACCEPT));
		HttpResponse<String> problem = volunteer
			.send(volunteer.request("/api/tickets/999999999").setHeader("Accept", BROWSER_ACCEPT));

		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(problem.statusCode()).isEqualTo(404);
		assertThat(problem.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).contains("json"));
	}

}
