package fr.passerelle.tutorial;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.passerelle.IntegrationTest;
import fr.passerelle.StaffClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tutorials on the citizen site, over HTTP, as a browser without JavaScript sees
 * them.
 */
@IntegrationTest
class TutorialPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Tutorials tutorials;

	@Test
	void theLibraryListsThePublishedTutorialsByThemeWithASearchForm() {
		HttpResponse<String> library = citizen().get("/tutoriels");

		assertThat(library.statusCode()).isEqualTo(200);
		assertThat(library.body()).contains("<h1>Tutoriels pas à pas</h1>")
			.contains("<h2 id=\"theme-TAXES\">Impôts</h2>")
			.contains("href=\"/tutoriels/declarer-ses-revenus\"")
			.contains("action=\"/tutoriels/recherche\"")
			.doesNotContainIgnoringCase("<script");
	}

	@Test
	void aTutorialPageHasItsStepsLinksLicenceAndFeedbackFormAndWeighsLittle() {
		StaffClient citizen = citizen();
		HttpResponse<String> page = citizen.get("/tutoriels/declarer-ses-revenus");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<h1>Déclarer ses revenus en ligne</h1>")
			.contains("<h2>Avant de commencer</h2>", "<h2>Les étapes</h2>", "<ol>")
			.contains("<strong>« Signer ma déclaration »</strong>")
			.contains("href=\"https://www.impots.gouv.fr\"")
			.contains("Vérifié le 20 novembre 2026")
			.contains("Ne donnez jamais vos mots de passe")
			.contains("rel=\"license\"", "CC BY-SA 4.0")
			.contains("/t/impots")
			.contains("action=\"/tutoriels/declarer-ses-revenus/avis\"")
			.contains("href=\"/tutoriels/declarer-ses-revenus/imprimer\"")
			.doesNotContainIgnoringCase("<script");
		long bytes = page.body().getBytes(StandardCharsets.UTF_8).length;
		for (String resource : links(page.body(), "(?:src|rel=\"stylesheet\" href|rel=\"icon\" href)")) {
			bytes += citizen.get(resource).body().getBytes(StandardCharsets.UTF_8).length;
		}
		assertThat(bytes).isLessThan(150 * 1024);
		for (String link : links(page.body(), "href")) {
			assertThat(citizen.get(link).statusCode()).as(link).isEqualTo(200);
		}
	}

	@Test
	void thePrintableVersionHasTheTextAndTheAddressesWrittenOut() {
		HttpResponse<String> print = citizen().get("/tutoriels/reconnaitre-une-arnaque/imprimer");

		assertThat(print.statusCode()).isEqualTo(200);
		assertThat(print.body()).contains("<h1>Reconnaître un faux message (arnaque, hameçonnage)</h1>")
			.contains("https://www.cybermalveillance.gouv.fr")
			.contains("33700")
			.doesNotContain("action=");
	}

	@Test
	void searchFindsTutorialsFromAFormWithoutJavaScript() {
		HttpResponse<String> found = citizen().get("/tutoriels/recherche?q=imp%C3%B4ts");
		HttpResponse<String> none = citizen().get("/tutoriels/recherche?q=zzyzx");
		HttpResponse<String> empty = citizen().get("/tutoriels/recherche?q=");

		assertThat(found.statusCode()).isEqualTo(200);
		assertThat(found.body()).contains("pour « impôts »")
			.contains("href=\"/tutoriels/declarer-ses-revenus\"")
			.contains("value=\"impôts\"");
		assertThat(none.body()).contains("Aucun tutoriel pour « zzyzx »");
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(empty.body()).doesNotContain("Aucun tutoriel pour");
	}

	@Test
	void aShortLinkLeadsToItsTutorialAndIsCounted() {
		int before = this.tutorials.published("creer-son-compte-ameli").orElseThrow().counts().linkOpens();

		HttpResponse<String> opened = citizen().get("/t/ameli");

		assertThat(opened.statusCode()).isEqualTo(302);
		assertThat(opened.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/tutoriels/creer-son-compte-ameli"));
		assertThat(this.tutorials.published("creer-son-compte-ameli").orElseThrow().counts().linkOpens())
			.isEqualTo(before + 1);
		assertThat(citizen().get("/t/nulle-part").statusCode()).isEqualTo(404);
	}

	@Test
	void readersSayWhetherItHelpedWithoutAnAccount() {
		StaffClient reader = citizen();
		int before = this.tutorials.published("reconnaitre-une-arnaque").orElseThrow().counts().helpfulYes();

		HttpResponse<String> answered = reader.postForm("/tutoriels/reconnaitre-une-arnaque/avis",
				Map.of("aide", "oui"));

		assertThat(answered.statusCode()).isEqualTo(302);
		assertThat(answered.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/tutoriels/reconnaitre-une-arnaque?avis=merci#avis"));
		assertThat(reader.get("/tutoriels/reconnaitre-une-arnaque?avis=merci").body())
			.contains("Merci pour votre avis");
		assertThat(this.tutorials.published("reconnaitre-une-arnaque").orElseThrow().counts().helpfulYes())
			.isEqualTo(before + 1);
		assertThat(reader.postForm("/tutoriels/reconnaitre-une-arnaque/avis", Map.of("aide", "bof")).statusCode())
			.isEqualTo(400);
		assertThat(reader.postForm("/tutoriels/nulle-part/avis", Map.of("aide", "oui")).statusCode()).isEqualTo(404);
		assertThat(reader.cookie("SESSION")).isEmpty();
	}

	@Test
	void countsOneOpinionADayPerTutorialFromOneAddress() {
		StaffClient reader = citizen();
		int yes = this.tutorials.published("passer-un-appel-video").orElseThrow().counts().helpfulYes();
		int no = this.tutorials.published("passer-un-appel-video").orElseThrow().counts().helpfulNo();

		for (String opinion : new String[] { "oui", "oui", "non" }) {
			HttpResponse<String> answered = reader.postForm("/tutoriels/passer-un-appel-video/avis",
					Map.of("aide", opinion));
			assertThat(answered.statusCode()).as("thanked each time").isEqualTo(302);
			assertThat(answered.headers().firstValue("Location")).hasValueSatisfying(
					(location) -> assertThat(location).endsWith("/tutoriels/passer-un-appel-video?avis=merci#avis"));
		}

		Tutorial.Counts counts = this.tutorials.published("passer-un-appel-video").orElseThrow().counts();
		assertThat(counts.helpfulYes()).isEqualTo(yes + 1);
		assertThat(counts.helpfulNo()).isEqualTo(no);
		// the same address may still rate another tutorial
		int other = this.tutorials.published("creer-un-bon-mot-de-passe").orElseThrow().counts().helpfulNo();
		reader.postForm("/tutoriels/creer-un-bon-mot-de-passe/avis", Map.of("aide", "non"));
		assertThat(this.tutorials.published("creer-un-bon-mot-de-passe").orElseThrow().counts().helpfulNo())
			.isEqualTo(other + 1);
	}

	@Test
	void anUnknownTutorialIsAFriendlyNotFoundPage() {
		StaffClient visitor = citizen();
		HttpResponse<String> missing = visitor
			.send(visitor.request("/tutoriels/nulle-part").setHeader("Accept", "text/html").GET());

		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("<h1>Cette page n&#39;existe pas</h1>");
	}

	private StaffClient citizen() {
		return new StaffClient(this.port);
	}

	private static List<String> links(String html, String attribute) {
		Matcher matcher = Pattern.compile(attribute + "=\"(/[^\"#]*)").matcher(html);
		List<String> links = new ArrayList<>();
		while (matcher.find()) {
			links.add(matcher.group(1).replace("&amp;", "&"));
		}
		return links;
	}

}
