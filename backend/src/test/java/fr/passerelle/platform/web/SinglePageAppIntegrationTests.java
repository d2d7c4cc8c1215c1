package fr.passerelle.platform.web;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SinglePageAppIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void servesTheAppForEachOfItsRoutes() {
		StaffClient browser = new StaffClient(this.port);
		for (String route : new String[] { "/app/", "/app/login", "/app/compte", "/app/some/deep/route" }) {
			HttpResponse<String> page = browser.get(route);
			assertThat(page.statusCode()).as(route).isEqualTo(200);
			assertThat(page.body()).as(route).contains("<div id=\"root\"></div>");
			assertThat(page.headers().firstValue("Cache-Control")).as(route).hasValue("no-cache");
		}
	}

	@Test
	void redirectsTheBarePathToTheApp() {
		HttpResponse<String> response = new StaffClient(this.port).get("/app");

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/app/"));
	}

	@Test
	void servesBuiltAssetsForeverAndMissingOnesNotAtAll() {
		StaffClient browser = new StaffClient(this.port);
		Matcher script = Pattern.compile("src=\"(/app/assets/[^\"]+\\.js)\"").matcher(browser.get("/app/").body());
		assertThat(script.find()).isTrue();

		HttpResponse<String> asset = browser.get(script.group(1));
		assertThat(asset.statusCode()).isEqualTo(200);
		assertThat(asset.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cache) -> assertThat(cache).contains("max-age=31536000").contains("immutable"));
		assertThat(browser.get("/app/assets/missing.js").statusCode()).isEqualTo(404);
		assertThat(browser.get("/app/missing.png").statusCode()).isEqualTo(404);
	}

}
