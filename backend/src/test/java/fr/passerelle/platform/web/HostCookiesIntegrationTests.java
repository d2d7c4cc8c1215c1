package fr.passerelle.platform.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Properties;

import fr.passerelle.IntegrationTest;
import fr.passerelle.TestAccounts;
import fr.passerelle.account.AccountManagement;
import fr.passerelle.account.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In production the session and CSRF cookies carry the {@code __Host-} prefix (ASVS 5.0
 * 3.3.1, 3.3.3): the browser keeps them to this very host, secure, for every path, so
 * that no subdomain can set or read them. This context runs with production's cookie
 * names; the staff app finds its token under either name.
 */
@IntegrationTest
@TestPropertySource(properties = { "server.servlet.session.cookie.name=__Host-SESSION",
		"passerelle.account.csrf-cookie-name=__Host-XSRF-TOKEN" })
class HostCookiesIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	AccountManagement accounts;

	@Test
	void productionNamesItsCookiesForThisHostOnly() throws IOException {
		Properties production = PropertiesLoaderUtils
			.loadProperties(new ClassPathResource("application-production.properties"));

		assertThat(production).containsEntry("server.servlet.session.cookie.name", "__Host-SESSION")
			.containsEntry("passerelle.account.csrf-cookie-name", "__Host-XSRF-TOKEN");
	}

	@Test
	void signsInBehindTheProxyWithHostOnlySecureCookies() throws Exception {
		String email = TestAccounts.open(this.accounts, Role.VOLUNTEER).email();

		HttpResponse<String> visit = send(request("/api/auth/me").GET());
		String csrf = cookie(visit, "__Host-XSRF-TOKEN");
		assertHostOnly(visit, "__Host-XSRF-TOKEN");

		HttpResponse<String> login = send(request("/api/auth/login").header("Cookie", "__Host-XSRF-TOKEN=" + csrf)
			.header("X-XSRF-TOKEN", csrf)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(
					"email=" + email.replace("+", "%2B") + "&password=" + TestAccounts.PASSWORD.replace(" ", "+"))));
		assertThat(login.statusCode()).isEqualTo(200);
		assertHostOnly(login, "__Host-SESSION");
		assertThat(header(login, "__Host-SESSION")).contains("HttpOnly");
		assertThat(login.headers().allValues("Set-Cookie")).noneMatch((cookie) -> cookie.startsWith("SESSION="));

		HttpResponse<String> me = send(
				request("/api/auth/me").header("Cookie", "__Host-SESSION=" + cookie(login, "__Host-SESSION")).GET());
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains(email);
	}

	private void assertHostOnly(HttpResponse<String> response, String name) {
		assertThat(header(response, name)).as(name)
			.contains("Secure")
			.contains("Path=/")
			.doesNotContainIgnoringCase("Domain=");
	}

	private static String header(HttpResponse<String> response, String name) {
		List<String> cookies = response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith(name + "=") && !cookie.startsWith(name + "=;"))
			.toList();
		assertThat(cookies).as("Set-Cookie %s", name).isNotEmpty();
		return cookies.get(cookies.size() - 1);
	}

	private static String cookie(HttpResponse<String> response, String name) {
		String header = header(response, name);
		return header.substring(name.length() + 1, header.indexOf(';'));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "application/json")
			.header("X-Forwarded-Proto", "https");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

}
