package fr.passerelle.platform.web;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;

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
 * The headers every answer carries (the staff app's and the API's as much as the citizen
 * site's, which its own tests check), the https ones behind the TLS-terminating proxy,
 * and the requests of other sites' pages, refused.
 */
@IntegrationTest
class SecurityHeadersIntegrationTests {

	private static final String EVIL = "https://evil.example";

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Test
	void theApiAndTheStaffAppCarryTheProtectiveHeaders() {
		StaffClient staff = TestAccounts.signedIn(this.accounts, Role.VOLUNTEER, this.port);
		for (HttpResponse<String> answer : List.of(staff.get("/api/auth/me"), staff.get("/app/"),
				staff.get("/api/tickets/999999999"), new StaffClient(this.port).get("/api/tickets"))) {
			String what = answer.uri().getPath() + " " + answer.statusCode();
			assertThat(answer.headers().firstValue("Content-Security-Policy")).as(what)
				.hasValueSatisfying((csp) -> assertThat(csp).contains("default-src 'self'")
					.contains("object-src 'none'")
					.contains("frame-ancestors 'none'")
					.doesNotContain("unsafe-inline")
					.doesNotContain("unsafe-eval"));
			assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
			assertThat(answer.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
			assertThat(answer.headers().firstValue("Referrer-Policy")).as(what).hasValue("same-origin");
		}
		assertThat(staff.get("/api/auth/me").headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cache) -> assertThat(cache).contains("no-store"));
	}

	@Test
	void behindTheProxyHttpsIsRequiredOfBrowsersAndTheSessionCookieIsSecure() {
		StaffClient browser = new StaffClient(this.port);
		HttpResponse<String> overHttps = browser
			.send(browser.request("/").header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.9"));
		assertThat(overHttps.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age=").contains("includeSubDomains"));

		StaffClient staff = new StaffClient(this.port);
		staff.ensureCsrfCookie();
		String email = TestAccounts.open(this.accounts, Role.VOLUNTEER).email();
		HttpResponse<String> login = staff.send(staff.withCsrf(staff.request("/api/auth/login"))
			.header("X-Forwarded-Proto", "https")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(
					"email=" + email.replace("+", "%2B") + "&password=" + TestAccounts.PASSWORD.replace(" ", "+"))));
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.headers().allValues("Set-Cookie")).filteredOn((cookie) -> cookie.startsWith("SESSION="))
			.singleElement()
			.satisfies((cookie) -> assertThat(cookie).contains("Secure").contains("HttpOnly").contains("SameSite=Lax"));
	}

	@Test
	void anotherSitesPagesGetNoCorsAnswerAndCannotActWithoutTheToken() {
		StaffClient staff = TestAccounts.signedIn(this.accounts, Role.COORDINATOR, this.port);
		HttpResponse<String> preflight = staff.send(staff.request("/api/tickets")
			.header("Origin", EVIL)
			.header("Access-Control-Request-Method", "POST")
			.method("OPTIONS", BodyPublishers.noBody()));
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

		// a form another site's page posts with the session cookie (were it sent) but
		// without the token that only the app's own pages can read
		HttpResponse<String> forged = staff.send(staff.request("/api/blocked-numbers/1")
			.header("Origin", EVIL)
			.method("DELETE", BodyPublishers.noBody()));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat((String) JsonPath.read(forged.body(), "$.code")).isEqualTo("account.csrf-invalid");
		assertThat(forged.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

}
