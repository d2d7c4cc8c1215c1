package fr.passerelle.site;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SiteIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void homePageGivesTheHotlineNumberAndOpeningHoursInFrench() {
		HttpResponse<String> home = citizen().get("/");

		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(home.body()).contains("<html lang=\"fr\">")
			.contains("href=\"tel:+33199001234\"")
			.contains("01\u00a099\u00a000\u00a012\u00a034")
			.contains("Du lundi au vendredi, de 9\u00a0h à 18\u00a0h")
			.contains("Besoin d&#39;aide pour une démarche en ligne ?")
			.contains("Papiers d&#39;identité &amp; permis (ANTS)")
			.containsPattern("(Ouvert|Fermé) en ce moment\\.");
	}

	@Test
	void homePageNeedsNoJavaScript() {
		assertThat(citizen().get("/").body()).doesNotContainIgnoringCase("<script");
	}

	@Test
	void homePageWeighsLessThan150KilobytesWithEverythingItLoads() {
		StaffClient citizen = citizen();
		HttpResponse<String> home = citizen.get("/");
		long bytes = home.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
		for (String resource : links(home.body(), "(?:src|rel=\"stylesheet\" href|rel=\"icon\" href)")) {
			bytes += citizen.get(resource).body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
		}

		assertThat(bytes).isLessThan(150 * 1024);
	}

	@Test
	void everyLinkOfTheCitizenPagesLeadsSomewhere() {
		StaffClient citizen = citizen();
		for (String page : List.of("/", "/accessibilite", "/donnees-personnelles", "/rappel", "/tutoriels")) {
			HttpResponse<String> response = citizen.get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(200);
			for (String link : links(response.body(), "(?:href|src)")) {
				assertThat(citizen.get(link).statusCode()).as(page + " → " + link).isEqualTo(200);
			}
		}
	}

	@Test
	void tellsCitizensWhatIsKeptAboutThemHowLongAndTheirRightsFromEveryPage() {
		StaffClient citizen = citizen();

		HttpResponse<String> notice = citizen.get("/donnees-personnelles");

		assertThat(notice.statusCode()).isEqualTo(200);
		assertThat(notice.body()).contains("<h1>Vos données personnelles</h1>")
			.contains("Le responsable du traitement est")
			.contains("jusqu&#39;à 30 jours après la fin de votre demande")
			.contains("Le relevé de vos appels")
			.contains("365 jours, puis il n&#39;en reste que des totaux par jour")
			.contains("nous vous rappelons au numéro concerné")
			.contains("Twilio Inc., aux États-Unis")
			.contains("clauses contractuelles types")
			.contains("www.cnil.fr")
			.doesNotContain("<script");
		for (String page : List.of("/", "/accessibilite", "/rappel", "/tutoriels")) {
			assertThat(citizen.get(page).body()).as(page).contains("href=\"/donnees-personnelles\"");
		}
		assertThat(citizen().speaking("en").get("/donnees-personnelles").body()).contains("Your personal data",
				"until 30 days after your request ends");
	}

	@Test
	void speaksEnglishWhenTheBrowserAsks() {
		HttpResponse<String> home = citizen().speaking("en-US,en;q=0.9").get("/");

		assertThat(home.body()).contains("<html lang=\"en\">")
			.contains("Need help with an online procedure?")
			.contains("Monday to Friday, 9:00 to 18:00");
	}

	@Test
	void sendsProtectiveHeaders() {
		HttpResponse<String> home = citizen().get("/");

		assertThat(home.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				(csp) -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
		assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(home.headers().firstValue("X-Frame-Options")).hasValue("DENY");
	}

	@Test
	void keepsNoSessionForVisitors() {
		StaffClient visitor = citizen();

		visitor.get("/");
		visitor.get("/accessibilite");
		visitor.get("/app/login");
		visitor.get("/api/auth/me");

		assertThat(visitor.cookie("SESSION")).isEmpty();
	}

	@Test
	void showsAFriendlyPageForAnUnknownAddressAndAnInternalOneForServerErrors() {
		StaffClient visitor = citizen();

		HttpResponse<String> missing = visitor
			.send(visitor.request("/nulle-part").setHeader("Accept", "text/html").GET());
		HttpResponse<String> broken = visitor.send(visitor.request("/error").setHeader("Accept", "text/html").GET());

		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("<h1>Cette page n&#39;existe pas</h1>").contains("href=\"/\"");
		assertThat(broken.statusCode()).isEqualTo(500);
		assertThat(broken.body()).contains("<h1>Une erreur est survenue</h1>").doesNotContain("Exception");
	}

	private StaffClient citizen() {
		return new StaffClient(this.port);
	}

	private static List<String> links(String html, String attribute) {
		Matcher matcher = Pattern.compile(attribute + "=\"(/[^\"]*)\"").matcher(html);
		List<String> links = new ArrayList<>();
		while (matcher.find()) {
			links.add(matcher.group(1));
		}
		assertThat(links).isNotEmpty();
		return links;
	}

}
